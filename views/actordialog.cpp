#include "actordialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace AT {

ActorDialog::ActorDialog(const Case &kase, const Actor &actor, QWidget *parent)
    : FormDialog(kase, parent)
    , m_actor(actor)
    , m_name(new QLineEdit)
    , m_kind(nullptr)
    , m_description(plainTextEdit(5))
    , m_citations(new CitationListEdit(&this->kase(), QStringLiteral("Citation")))
    , m_aliasGrid(new RowGrid({QStringLiteral("Other name"), QStringLiteral("Used by"), QStringLiteral("Citations")},
                              {3, 2, 5}, QStringLiteral("Add a&lias"), QStringLiteral("No other names.")))
    , m_affiliationGrid(
          new RowGrid({QStringLiteral("Other actor"), QStringLiteral("Relation"), QStringLiteral("Citations")},
                      {3, 3, 5}, QStringLiteral("Add a&ffiliation"), QStringLiteral("No ties named.")))
    , m_notes(plainTextEdit(3))
{
    m_aliasGrid->setSeparated(true);
    m_affiliationGrid->setSeparated(true);
    setWindowTitle(kase.actor(actor.id) ? QStringLiteral("Edit actor") : QStringLiteral("New actor"));
    QStringList kinds;
    for (const Actor &a : kase.actors) {
        kinds.append(a.kind);
        for (const Affiliation &f : a.affiliations) {
            m_relations.append(f.relation);
        }
    }
    m_relations = distinctSorted(m_relations);
    m_kind = choiceCombo(distinctSorted(kinds), QString());

    m_name->setAccessibleName(QStringLiteral("Name"));
    m_name->setPlaceholderText(QStringLiteral("The name the case uses"));
    m_kind->setAccessibleName(QStringLiteral("Kind"));
    m_kind->lineEdit()->setPlaceholderText(QStringLiteral("e.g. group, government, person"));
    m_description->setAccessibleName(QStringLiteral("Description"));
    m_description->setPlaceholderText(QStringLiteral("Who or what the actor is"));
    setKeptText(m_name, &m_keptName, actor.name);
    setKeptText(m_kind, &m_keptKind, actor.kind);
    setKeptText(m_description, &m_keptDescription, actor.description);
    setKeptText(m_notes, &m_keptNotes, actor.notes);
    m_citations->setCitations(actor.citations);
    for (const Alias &a : actor.aliases) {
        addAlias(a);
    }
    for (const Affiliation &f : actor.affiliations) {
        addAffiliation(f);
    }

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(plainLabel(QStringLiteral("&Name:"), m_name), m_name);
    form->addRow(plainLabel(QStringLiteral("&Kind:"), m_kind), m_kind);
    form->addRow(plainLabel(QStringLiteral("&Description:"), m_description), m_description);
    QScrollArea *citations = scrolled(m_citations);
    citations->setMinimumHeight(80);
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(section(QStringLiteral("Citations naming the actor"), citations), 2);
    left->addWidget(notesSection(m_notes), 2);

    QScrollArea *aliases = scrolled(m_aliasGrid);
    aliases->setMinimumHeight(140);
    QScrollArea *affiliations = scrolled(m_affiliationGrid);
    affiliations->setMinimumHeight(140);
    auto *right = new QVBoxLayout;
    right->addWidget(section(QStringLiteral("Aliases"), aliases, m_aliasGrid->addButton()), 1);
    right->addWidget(section(QStringLiteral("Affiliations"), affiliations, m_affiliationGrid->addButton()), 1);

    auto *body = new QHBoxLayout;
    body->addLayout(left, 3);
    body->addSpacing(8);
    body->addLayout(right, 8);
    setBody(body);

    connect(m_aliasGrid, &RowGrid::addClicked, this, [this] {
        addAlias({});
        m_aliases.constLast().name->setFocus();
        revalidate();
    });
    connect(m_aliasGrid, &RowGrid::removeClicked, this, [this](int row) {
        m_aliases.removeAt(row);
        m_aliasGrid->removeRow(row);
        revalidate();
    });
    connect(m_affiliationGrid, &RowGrid::addClicked, this, [this] {
        addAffiliation({});
        m_affiliations.constLast().actor->setFocus();
        revalidate();
    });
    connect(m_affiliationGrid, &RowGrid::removeClicked, this, [this](int row) {
        m_affiliations.removeAt(row);
        m_affiliationGrid->removeRow(row);
        revalidate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &ActorDialog::revalidate);
    connect(m_kind, &QComboBox::currentTextChanged, this, &ActorDialog::revalidate);
    setTabOrder(m_name, m_kind);
    setTabOrder(m_kind, m_description);
    resize(1200, 740);
    revalidate();
}

void ActorDialog::addAlias(const Alias &alias)
{
    AliasRow row;
    row.name = new QLineEdit;
    row.name->setAccessibleName(QStringLiteral("Alias %1: name"));
    setKeptText(row.name, &row.keptName, alias.name);
    row.usedBy = new ActorSetEdit(&kase(), QStringLiteral("Alias %1: used by"));
    row.usedBy->setIds(alias.usedBy);
    row.citations = new CitationListEdit(&kase(), QStringLiteral("Alias %1 citation"));
    row.citations->setCitations(alias.citations);
    connect(row.name, &QLineEdit::textChanged, this, &ActorDialog::revalidate);
    m_aliases.append(row);
    m_aliasGrid->appendRow({row.name, row.usedBy, row.citations}, QStringLiteral("Remove alias"),
                           QStringLiteral("Remove alias %1"));
}

void ActorDialog::addAffiliation(const Affiliation &affiliation)
{
    AffiliationRow row;
    row.actor = new QComboBox;
    fillActorCombo(row.actor, kase(), QStringLiteral("(choose an actor)"));
    if (!affiliation.actorId.isEmpty()) {
        chooseId(row.actor, affiliation.actorId, QStringLiteral("unknown actor %1"));
    }
    row.actor->setAccessibleName(QStringLiteral("Affiliation %1: other actor"));
    row.relation = choiceCombo(m_relations, QString());
    row.relation->setAccessibleName(QStringLiteral("Affiliation %1: relation"));
    row.relation->lineEdit()->setPlaceholderText(QStringLiteral("e.g. works for"));
    setKeptText(row.relation, &row.keptRelation, affiliation.relation);
    row.citations = new CitationListEdit(&kase(), QStringLiteral("Affiliation %1 citation"));
    row.citations->setCitations(affiliation.citations);
    connect(row.actor, &QComboBox::currentIndexChanged, this, &ActorDialog::revalidate);
    connect(row.relation, &QComboBox::currentTextChanged, this, &ActorDialog::revalidate);
    m_affiliations.append(row);
    m_affiliationGrid->appendRow({row.actor, row.relation, row.citations}, QStringLiteral("Remove affiliation"),
                                 QStringLiteral("Remove affiliation %1"));
}

Actor ActorDialog::value() const
{
    Actor a = m_actor;
    a.name = keptText(m_name, m_keptName);
    a.kind = keptText(m_kind, m_keptKind);
    a.description = keptText(m_description, m_keptDescription);
    a.citations = m_citations->citations();
    a.aliases.clear();
    for (const AliasRow &row : m_aliases) {
        a.aliases.append({keptText(row.name, row.keptName), row.usedBy->ids(), row.citations->citations()});
    }
    a.affiliations.clear();
    for (const AffiliationRow &row : m_affiliations) {
        a.affiliations.append(
            {chosenId(row.actor), keptText(row.relation, row.keptRelation), row.citations->citations()});
    }
    a.notes = keptText(m_notes, m_keptNotes);
    return a;
}

QStringList ActorDialog::findProblems() const
{
    QStringList problems;
    if (m_name->text().trimmed().isEmpty()) {
        problems << QStringLiteral("Name: give the name the case uses for the actor.");
    }
    if (m_kind->currentText().trimmed().isEmpty()) {
        problems << QStringLiteral("Kind: choose or type what the actor is, e.g. group or government.");
    }
    for (int i = 0; i < m_aliases.size(); ++i) {
        if (m_aliases.at(i).name->text().trimmed().isEmpty()) {
            problems << QStringLiteral("Aliases, row %1: type the other name, or remove the row.").arg(i + 1);
        }
    }
    for (int i = 0; i < m_affiliations.size(); ++i) {
        const QString other = chosenId(m_affiliations.at(i).actor);
        if (other.isEmpty()) {
            problems << QStringLiteral("Affiliations, row %1: choose the other actor, or remove the row.").arg(i + 1);
        } else if (other == m_actor.id) {
            problems << QStringLiteral("Affiliations, row %1: an actor cannot be affiliated with itself; choose "
                                       "the other actor.")
                            .arg(i + 1);
        }
        if (m_affiliations.at(i).relation->currentText().trimmed().isEmpty()) {
            problems << QStringLiteral("Affiliations, row %1: give the relation in the sources' terms, e.g. "
                                       "\u201cworks for\u201d.")
                            .arg(i + 1);
        }
    }
    return problems;
}

} // namespace AT
