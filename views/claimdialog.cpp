#include "claimdialog.h"

#include "dateedit.h"
#include "estimative.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace AT {

WordingPlace findWording(const Case &kase, const QString &wording, const QList<Citation> &citations)
{
    if (wording.isEmpty()) {
        return {};
    }
    for (const Citation &c : citations) {
        if (c.quote.contains(wording)) {
            return {WordingPlace::Where::Quote, c.sourceId};
        }
    }
    for (const Citation &c : citations) {
        const Source *source = kase.source(c.sourceId);
        if (source && source->text.contains(wording)) {
            return {WordingPlace::Where::SourceText, c.sourceId};
        }
    }
    return {};
}

namespace {
QString sourceName(const Case &kase, const QString &id)
{
    const Source *s = kase.source(id);
    return quoted(s ? displayTitle(*s) : id);
}
} // namespace

ClaimDialog::ClaimDialog(const Case &kase, const Claim &claim, QWidget *parent)
    : FormDialog(kase, parent)
    , m_claim(claim)
    , m_attributor(new QComboBox)
    , m_subject(new QComboBox)
    , m_event(new QComboBox)
    , m_statement(plainTextEdit(3))
    , m_confidence(new QLineEdit)
    , m_confidenceStatus(plainLabel(QString()))
    , m_value(new QSpinBox)
    , m_yardstick(nullptr)
    , m_date(new DateEdit(&this->kase()))
    , m_disputes(new CheckList(QStringLiteral("Claims this one disputes")))
    , m_disagreements(new CheckList(QStringLiteral("Disputed points the claim is part of")))
    , m_citations(new CitationListEdit(&this->kase(), QStringLiteral("Citation")))
    , m_notes(plainTextEdit(3))
{
    setWindowTitle(kase.claim(claim.id) ? QStringLiteral("Edit claim") : QStringLiteral("New claim"));
    QStringList yardsticks;
    for (const Claim &c : kase.claims) {
        yardsticks.append(c.yardstick);
    }
    m_yardstick = choiceCombo(distinctSorted(yardsticks), QString());

    fillActorCombo(m_attributor, kase, QStringLiteral("(choose who says it)"));
    if (!claim.attributorId.isEmpty()) {
        chooseId(m_attributor, claim.attributorId, QStringLiteral("unknown actor %1"));
    }
    m_attributor->setAccessibleName(QStringLiteral("Who says it"));
    fillActorCombo(m_subject, kase, QStringLiteral("(no one in particular)"));
    chooseId(m_subject, claim.subjectId, QStringLiteral("unknown actor %1"));
    m_subject->setAccessibleName(QStringLiteral("About whom"));
    m_event->addItem(QStringLiteral("(no event)"), QString());
    for (const Event &e : kase.events) {
        m_event->addItem(e.date.toDisplayString() + QStringLiteral(" \u2014 ") + isolated(e.title), e.id);
    }
    chooseId(m_event, claim.eventId, QStringLiteral("unknown event %1"));
    m_event->setAccessibleName(QStringLiteral("About which event"));
    m_event->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_event->setMinimumContentsLength(20);
    guardWheel(m_event);
    guardWheel(m_value);
    m_statement->setAccessibleName(QStringLiteral("Statement"));
    m_statement->setPlaceholderText(QStringLiteral("What is claimed, in the case's words"));
    m_confidence->setAccessibleName(QStringLiteral("Confidence wording"));
    m_confidence->setPlaceholderText(QStringLiteral("the source's words, e.g. highly likely; empty when none given"));
    m_confidence->setClearButtonEnabled(true);
    m_confidenceStatus->setWordWrap(true);
    m_confidenceStatus->setAccessibleName(QStringLiteral("Where the wording stands"));
    m_value->setRange(-1, 100);
    m_value->setSpecialValueText(QStringLiteral("(none)"));
    m_value->setAccessibleName(QStringLiteral("Confidence as a number from 0 to 100"));
    m_yardstick->setAccessibleName(QStringLiteral("Yardstick"));
    m_yardstick->lineEdit()->setPlaceholderText(QStringLiteral("the scale that maps the wording to the number"));
    m_date->setAllowNotGiven(true);

    setKeptText(m_statement, &m_keptStatement, claim.statement);
    setKeptText(m_confidence, &m_keptConfidence, claim.confidence);
    m_value->setValue(claim.confidenceValue.value_or(-1));
    setKeptText(m_yardstick, &m_keptYardstick, claim.yardstick);
    setKeptText(m_notes, &m_keptNotes, claim.notes);
    m_date->setDate(claim.date);
    QList<std::pair<QString, QString>> claims;
    for (const Claim &c : kase.claims) {
        if (c.id != claim.id) {
            claims.append(
                {c.id, isolated(actorLabel(kase, c.attributorId)) + QStringLiteral(": ") + isolated(c.statement)});
        }
    }
    m_disputes->setItems(claims, claim.disputes, QStringLiteral("unknown claim %1"));
    QList<std::pair<QString, QString>> disagreements;
    for (const Disagreement &d : kase.disagreements) {
        disagreements.append({d.id, d.question});
    }
    m_disagreements->setItems(disagreements, claim.disagreements, QStringLiteral("unknown disputed point %1"));
    m_citations->setCitations(claim.citations);

    auto *number = new QHBoxLayout;
    number->addWidget(m_value);
    number->addWidget(plainLabel(QStringLiteral("on the &yardstick"), m_yardstick));
    number->addWidget(m_yardstick, 1);
    auto *confidence = new QVBoxLayout;
    confidence->setSpacing(2);
    confidence->addWidget(m_confidence);
    confidence->addWidget(m_confidenceStatus);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(plainLabel(QStringLiteral("&Who says it:"), m_attributor), m_attributor);
    form->addRow(plainLabel(QStringLiteral("About &whom:"), m_subject), m_subject);
    form->addRow(plainLabel(QStringLiteral("About which &event:"), m_event), m_event);
    form->addRow(plainLabel(QStringLiteral("&Statement:"), m_statement), m_statement);
    form->addRow(plainLabel(QStringLiteral("&Confidence:"), m_confidence), confidence);
    form->addRow(plainLabel(QStringLiteral("As a n&umber:"), m_value), number);
    QScrollArea *citations = scrolled(m_citations);
    citations->setMinimumHeight(100);
    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(section(QStringLiteral("Citations"), citations), 3);
    left->addWidget(notesSection(m_notes), 2);

    auto *when = new QGroupBox(QStringLiteral("When it was claimed"));
    auto *whenLayout = new QVBoxLayout(when);
    whenLayout->addWidget(m_date);
    m_disputes->setMinimumHeight(70);
    m_disagreements->setMinimumHeight(60);
    auto *right = new QVBoxLayout;
    right->addWidget(when);
    right->addWidget(section(QStringLiteral("Claims it d&isputes"), m_disputes), 3);
    right->addWidget(section(QStringLiteral("Part of the disputed p&oints"), m_disagreements), 2);

    auto *body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addSpacing(8);
    body->addLayout(right, 1);
    setBody(body);

    connect(m_attributor, &QComboBox::currentIndexChanged, this, &ClaimDialog::revalidate);
    connect(m_statement, &QPlainTextEdit::textChanged, this, &ClaimDialog::revalidate);
    connect(m_confidence, &QLineEdit::textChanged, this, &ClaimDialog::revalidate);
    connect(m_value, &QSpinBox::valueChanged, this, &ClaimDialog::revalidate);
    connect(m_yardstick, &QComboBox::currentTextChanged, this, &ClaimDialog::revalidate);
    connect(m_date, &DateEdit::changed, this, &ClaimDialog::revalidate);
    connect(m_citations, &CitationListEdit::changed, this, &ClaimDialog::revalidate);
    connect(m_confidence, &QLineEdit::textChanged, this, &ClaimDialog::updateConfidenceStatus);
    connect(m_citations, &CitationListEdit::changed, this, &ClaimDialog::updateConfidenceStatus);
    connect(m_attributor, &QComboBox::currentIndexChanged, this, &ClaimDialog::updateConfidenceStatus);
    connect(m_yardstick, &QComboBox::currentTextChanged, this, &ClaimDialog::updateConfidenceStatus);
    setTabOrder(m_attributor, m_subject);
    setTabOrder(m_subject, m_event);
    setTabOrder(m_event, m_statement);
    setTabOrder(m_statement, m_confidence);
    setTabOrder(m_confidence, m_value);
    setTabOrder(m_value, m_yardstick);
    resize(1060, 760);
    updateConfidenceStatus();
    revalidate();
}

Claim ClaimDialog::value() const
{
    Claim c = m_claim;
    c.attributorId = chosenId(m_attributor);
    c.subjectId = chosenId(m_subject);
    c.eventId = chosenId(m_event);
    c.statement = keptText(m_statement, m_keptStatement);
    c.confidence = keptText(m_confidence, m_keptConfidence);
    c.confidenceValue = m_value->value() < 0 ? std::nullopt : std::optional<int>(m_value->value());
    c.yardstick = keptText(m_yardstick, m_keptYardstick);
    c.date = m_date->date();
    c.disputes = m_disputes->checkedIds();
    c.disagreements = m_disagreements->checkedIds();
    c.citations = m_citations->citations();
    c.notes = keptText(m_notes, m_keptNotes);
    return c;
}

void ClaimDialog::updateConfidenceStatus()
{
    const QString wording = keptText(m_confidence, m_keptConfidence);
    const WordingPlace place = findWording(kase(), wording, m_citations->citations());
    QString text;
    bool bad = false;
    if (wording.isEmpty()) {
        text = QStringLiteral("No wording given: the claim is shown without a confidence.");
    } else if (place.where == WordingPlace::Where::Quote) {
        text = QStringLiteral("Found in the quote from %1.").arg(sourceName(kase(), place.sourceId));
    } else if (place.where == WordingPlace::Where::SourceText) {
        text = QStringLiteral("Found in %1, outside the cited quotes.").arg(sourceName(kase(), place.sourceId));
    } else {
        bad = true;
        text = QStringLiteral("Not in the claim's quotes or their sources: copy the words exactly as the source "
                              "gives them, or leave the field empty when it gives none.");
    }
    // What the words stand for on the speaker's yardstick, when the case tells whose it is.
    if (!bad && !wording.isEmpty()) {
        if (const std::optional<EstimativeBand> band = estimativeBand(kase(), value())) {
            text += QStringLiteral(" On the %1 it stands for %2\u2013%3%.")
                        .arg(band->scaleName)
                        .arg(band->lowPercent)
                        .arg(band->highPercent);
        }
    }
    m_confidenceStatus->setText(text);
    m_confidenceStatus->setStyleSheet(bad ? QStringLiteral("color: #b00020") : QString());
    m_confidenceStatus->setForegroundRole(bad ? QPalette::WindowText : QPalette::PlaceholderText);
}

QStringList ClaimDialog::findProblems() const
{
    QStringList problems;
    if (chosenId(m_attributor).isEmpty()) {
        problems << QStringLiteral("Who says it: choose the actor who makes the claim.");
    }
    if (m_statement->toPlainText().trimmed().isEmpty()) {
        problems << QStringLiteral("Statement: say what is claimed.");
    }
    const QString wording = keptText(m_confidence, m_keptConfidence);
    if (!wording.isEmpty()
        && findWording(kase(), wording, m_citations->citations()).where == WordingPlace::Where::Nowhere) {
        problems << QStringLiteral("Confidence: %1 is not in the claim's quotes or their sources; copy the "
                                   "source's words exactly, or leave it empty.")
                        .arg(quoted(wording));
    }
    const bool number = m_value->value() >= 0;
    const bool yardstick = !m_yardstick->currentText().trimmed().isEmpty();
    if (number && !yardstick) {
        problems << QStringLiteral("Yardstick: name the scale that maps the wording to the number, or clear the "
                                   "number.");
    } else if (yardstick && !number) {
        problems << QStringLiteral("As a number: give the number the yardstick maps the wording to, or clear the "
                                   "yardstick.");
    }
    if (number && wording.isEmpty()) {
        problems << QStringLiteral("As a number: a number needs the source's wording in Confidence; add the "
                                   "wording or clear the number.");
    }
    if (const QString p = m_date->problem(); !p.isEmpty()) {
        problems << p;
    }
    return problems;
}

} // namespace AT
