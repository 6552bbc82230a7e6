#include "eventdialog.h"

#include "dateedit.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace AT {

namespace {
QStringList splitTags(const QString &text)
{
    QStringList tags;
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty()) {
            tags.append(tag);
        }
    }
    return tags;
}
} // namespace

EventDialog::EventDialog(const Case &kase, const Event &event, QWidget *parent)
    : FormDialog(kase, parent)
    , m_event(event)
    , m_title(new QLineEdit)
    , m_category(nullptr)
    , m_summary(plainTextEdit(4))
    , m_tags(new QLineEdit)
    , m_date(new DateEdit(&this->kase()))
    , m_participantGrid(new RowGrid({QStringLiteral("Actor"), QStringLiteral("Role")}, {3, 2},
                                    QStringLiteral("&Add participant"), QStringLiteral("No one named yet.")))
    , m_disagreements(new CheckList(QStringLiteral("Disputed points the event is part of")))
    , m_citations(new CitationListEdit(&this->kase(), QStringLiteral("Citation")))
    , m_notes(plainTextEdit(3))
{
    setWindowTitle(kase.event(event.id) ? QStringLiteral("Edit event") : QStringLiteral("New event"));
    QStringList categories;
    for (const Event &e : kase.events) {
        categories.append(e.category);
        for (const Participant &p : e.participants) {
            m_roles.append(p.role);
        }
    }
    m_roles = distinctSorted(m_roles);
    m_category = choiceCombo(distinctSorted(categories), QString());

    m_title->setAccessibleName(QStringLiteral("Title"));
    m_title->setPlaceholderText(QStringLiteral("What happened, in a few words"));
    m_category->setAccessibleName(QStringLiteral("Category"));
    m_summary->setAccessibleName(QStringLiteral("Summary"));
    m_summary->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding); // takes the room the date leaves
    m_summary->setPlaceholderText(QStringLiteral("What happened, in a few sentences"));
    m_tags->setAccessibleName(QStringLiteral("Tags"));
    m_tags->setPlaceholderText(QStringLiteral("separated by commas"));
    m_date->setAllowNotGiven(false);

    setKeptText(m_title, &m_keptTitle, event.title);
    setKeptText(m_category, &m_keptCategory, event.category);
    setKeptText(m_summary, &m_keptSummary, event.summary);
    setKeptText(m_tags, &m_keptTags, event.tags.join(QStringLiteral(", ")));
    setKeptText(m_notes, &m_keptNotes, event.notes);
    m_date->setDate(event.date);
    for (const Participant &p : event.participants) {
        addParticipant(p);
    }
    QList<std::pair<QString, QString>> disagreements;
    for (const Disagreement &d : kase.disagreements) {
        disagreements.append({d.id, d.question});
    }
    m_disagreements->setItems(disagreements, event.disagreements, QStringLiteral("unknown disputed point %1"));
    m_citations->setCitations(event.citations);

    // Left: what happened and when; right: who, the sources, the disputes, the notes.
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(plainLabel(QStringLiteral("&Title:"), m_title), m_title);
    form->addRow(plainLabel(QStringLiteral("&Category:"), m_category), m_category);
    form->addRow(plainLabel(QStringLiteral("&Summary:"), m_summary), m_summary);
    form->addRow(plainLabel(QStringLiteral("Ta&gs:"), m_tags), m_tags);
    auto *when = new QGroupBox(QStringLiteral("When"));
    auto *whenLayout = new QVBoxLayout(when);
    whenLayout->addWidget(m_date);
    auto *left = new QVBoxLayout;
    left->addLayout(form, 1);
    left->addWidget(when, 0);

    QScrollArea *participants = scrolled(m_participantGrid, 230);
    QScrollArea *citations = scrolled(m_citations, 200);
    m_disagreements->setMinimumHeight(60);
    auto *right = new QVBoxLayout;
    right->addWidget(section(QStringLiteral("Who took part"), participants, m_participantGrid->addButton()), 0);
    right->addWidget(section(QStringLiteral("Citations"), citations), 5);
    right->addWidget(section(QStringLiteral("Part of the &disputed points"), m_disagreements), 2);
    right->addWidget(notesSection(m_notes), 2);

    auto *body = new QHBoxLayout;
    body->addLayout(left, 5);
    body->addSpacing(8);
    body->addLayout(right, 6);
    setBody(body);

    connect(m_participantGrid, &RowGrid::addClicked, this, [this] {
        addParticipant({});
        m_participants.constLast().actor->setFocus();
        revalidate();
    });
    connect(m_participantGrid, &RowGrid::removeClicked, this, [this](int row) {
        m_participants.removeAt(row);
        m_participantGrid->removeRow(row);
        revalidate();
    });
    connect(m_title, &QLineEdit::textChanged, this, &EventDialog::revalidate);
    connect(m_category, &QComboBox::currentTextChanged, this, &EventDialog::revalidate);
    connect(m_date, &DateEdit::changed, this, &EventDialog::revalidate);
    connect(m_citations, &CitationListEdit::changed, this, &EventDialog::revalidate);

    setTabOrder(m_title, m_category);
    setTabOrder(m_category, m_summary);
    setTabOrder(m_summary, m_tags);
    setTabOrder(m_tags, m_date->modeBox());
    resize(1040, 760);
    revalidate();
}

void EventDialog::addParticipant(const Participant &participant)
{
    ParticipantRow row;
    row.actor = new QComboBox;
    fillActorCombo(row.actor, kase(), QStringLiteral("(choose an actor)"));
    if (!participant.actorId.isEmpty()) {
        chooseId(row.actor, participant.actorId, QStringLiteral("unknown actor %1"));
    }
    row.actor->setAccessibleName(QStringLiteral("Participant %1: actor"));
    row.role = choiceCombo(m_roles, QString());
    row.role->setAccessibleName(QStringLiteral("Participant %1: role"));
    row.role->lineEdit()->setPlaceholderText(QStringLiteral("e.g. attacker"));
    setKeptText(row.role, &row.keptRole, participant.role);
    connect(row.actor, &QComboBox::currentIndexChanged, this, &EventDialog::revalidate);
    connect(row.role, &QComboBox::currentTextChanged, this, &EventDialog::revalidate);
    m_participants.append(row);
    m_participantGrid->appendRow({row.actor, row.role}, QStringLiteral("Remove"),
                                 QStringLiteral("Remove participant %1"));
}

QComboBox *EventDialog::participantActor(int row) const
{
    return m_participants.at(row).actor;
}

QComboBox *EventDialog::participantRole(int row) const
{
    return m_participants.at(row).role;
}

Event EventDialog::value() const
{
    Event e = m_event;
    e.title = keptText(m_title, m_keptTitle);
    e.category = keptText(m_category, m_keptCategory);
    e.summary = keptText(m_summary, m_keptSummary);
    // A tag may hold a comma the line cannot show apart: untouched, the tags stay as they were.
    e.tags = m_keptTags.unchanged(m_tags->text()) ? m_event.tags : splitTags(m_tags->text());
    e.date = m_date->date();
    e.participants.clear();
    for (const ParticipantRow &row : m_participants) {
        e.participants.append({chosenId(row.actor), keptText(row.role, row.keptRole)});
    }
    e.disagreements = m_disagreements->checkedIds();
    e.citations = m_citations->citations();
    e.notes = keptText(m_notes, m_keptNotes);
    return e;
}

QStringList EventDialog::findProblems() const
{
    QStringList problems;
    if (m_title->text().trimmed().isEmpty()) {
        problems << QStringLiteral("Title: give the event a title, in a few words.");
    }
    if (m_category->currentText().trimmed().isEmpty()) {
        problems << QStringLiteral("Category: choose or type a category, e.g. intrusion.");
    }
    if (const QString p = m_date->problem(); !p.isEmpty()) {
        problems << p;
    }
    for (int i = 0; i < m_participants.size(); ++i) {
        if (chosenId(m_participants.at(i).actor).isEmpty()) {
            problems << QStringLiteral("Who took part, row %1: choose the actor, or remove the row.").arg(i + 1);
        }
        if (m_participants.at(i).role->currentText().trimmed().isEmpty()) {
            problems << QStringLiteral("Who took part, row %1: give the actor's role, e.g. attacker.").arg(i + 1);
        }
    }
    return problems;
}

} // namespace AT
