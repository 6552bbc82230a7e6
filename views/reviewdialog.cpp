#include "reviewdialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace AT {

namespace {
// What each reason is for, as the dialog explains it.
QString reasonHelp(ReviewReason reason)
{
    switch (reason) {
    case ReviewReason::Boilerplate:
        return QStringLiteral("Not about the case: a byline, a credit, a newsletter plug, navigation.");
    case ReviewReason::Opinion:
        return QStringLiteral("Commentary or an assessment, not a statement of fact the case records.");
    case ReviewReason::Duplicate:
        return QStringLiteral("Says again what another passage says, which the case cites. The note says which "
                              "(required).");
    case ReviewReason::OutOfScope:
        return QStringLiteral("About something the case does not cover; the note may say why.");
    case ReviewReason::Background:
        return QStringLiteral("General context the case does not need as a fact.");
    }
    return {};
}
} // namespace

ReviewDialog::ReviewDialog(const Case &kase, const Citation &passage, const ReviewedPassage &current, QWidget *parent)
    : FormDialog(kase, parent)
    , m_reason(new QComboBox)
    , m_note(new QLineEdit)
    , m_help(new QLabel)
{
    setWindowTitle(QStringLiteral("Mark reviewed, not used"));
    auto *quote = plainTextEdit(4);
    quote->setReadOnly(true);
    quote->setPlainText(passage.quote); // plain text: the source's words, never markup
    quote->setAccessibleName(QStringLiteral("Passage"));
    for (const ReviewReason r : reviewReasons()) {
        m_reason->addItem(reviewReasonName(r), int(r));
    }
    m_reason->setAccessibleName(QStringLiteral("Reason"));
    m_reason->setCurrentIndex(std::max(0, m_reason->findData(int(current.reason))));
    guardWheel(m_reason);
    m_note->setAccessibleName(QStringLiteral("Note"));
    setKeptText(m_note, &m_keptNote, current.note);
    m_help->setTextFormat(Qt::PlainText);
    m_help->setWordWrap(true);
    m_help->setForegroundRole(QPalette::PlaceholderText);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(plainLabel(QStringLiteral("Passage:"), quote), quote);
    form->addRow(plainLabel(QStringLiteral("&Reason:"), m_reason), m_reason);
    form->addRow(QString(), m_help);
    form->addRow(plainLabel(QStringLiteral("&Note:"), m_note), m_note);
    setBody(form);
    connect(m_reason, &QComboBox::currentIndexChanged, this, &ReviewDialog::reasonChanged);
    connect(m_note, &QLineEdit::textChanged, this, &ReviewDialog::revalidate);
    resize(520, 300);
    reasonChanged();
}

void ReviewDialog::reasonChanged()
{
    m_help->setText(reasonHelp(reason()));
    m_note->setPlaceholderText(reason() == ReviewReason::Duplicate
                                   ? QStringLiteral("Of what, e.g. duplicate of s001 \u201cthe first words\u2026\u201d")
                                   : QStringLiteral("Why, if it helps (optional)"));
    revalidate();
}

ReviewReason ReviewDialog::reason() const
{
    return ReviewReason(m_reason->currentData().toInt());
}

QString ReviewDialog::note() const
{
    return keptText(m_note, m_keptNote);
}

QStringList ReviewDialog::findProblems() const
{
    if (reason() == ReviewReason::Duplicate && note().trimmed().isEmpty()) {
        return {QStringLiteral("Note: a duplicate says of what, so that a reader can find the passage the case "
                               "cites instead.")};
    }
    return {};
}

} // namespace AT
