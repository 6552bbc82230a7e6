#pragma once

#include "caseedit.h"
#include "formparts.h"

class QLineEdit;
class QPlainTextEdit;

namespace AT {

// Edits the case's own title and description.
class CaseDialog final : public FormDialog
{
    Q_OBJECT
public:
    CaseDialog(const Case &kase, const CaseHeading &heading, QWidget *parent = nullptr);
    CaseHeading value() const;

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }

protected:
    QStringList findProblems() const override;

private:
    CaseHeading m_heading;
    QLineEdit *m_title;
    QPlainTextEdit *m_description;
    KeptText m_keptTitle;
    KeptText m_keptDescription;
};

} // namespace AT
