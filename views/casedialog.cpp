#include "casedialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace AT {

CaseDialog::CaseDialog(const Case &kase, const CaseHeading &heading, QWidget *parent)
    : FormDialog(kase, parent)
    , m_heading(heading)
    , m_title(new QLineEdit)
    , m_description(plainTextEdit(6))
{
    setWindowTitle(QStringLiteral("Case title and description"));
    m_title->setAccessibleName(QStringLiteral("Case title"));
    m_description->setAccessibleName(QStringLiteral("Case description"));
    m_description->setPlaceholderText(QStringLiteral("What the case covers"));
    setKeptText(m_title, &m_keptTitle, heading.title);
    setKeptText(m_description, &m_keptDescription, heading.description);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(plainLabel(QStringLiteral("&Title:"), m_title), m_title);
    form->addRow(plainLabel(QStringLiteral("&Description:"), m_description), m_description);
    setBody(form);
    connect(m_title, &QLineEdit::textChanged, this, &CaseDialog::revalidate);
    resize(560, 300);
    revalidate();
}

CaseHeading CaseDialog::value() const
{
    CaseHeading h = m_heading;
    h.title = keptText(m_title, m_keptTitle);
    h.description = keptText(m_description, m_keptDescription);
    return h;
}

QStringList CaseDialog::findProblems() const
{
    if (m_title->text().trimmed().isEmpty()) {
        return {QStringLiteral("Title: the case needs a title.")};
    }
    return {};
}

} // namespace AT
