#pragma once

#include "casedata.h"
#include "formparts.h"

class QLineEdit;
class QPlainTextEdit;

namespace AT {

// Edits one disputed point: the question and the competing versions (at least two), each a statement
// and the passages that give it. value() is the disagreement as edited, with its id as it was.
class DisagreementDialog final : public FormDialog
{
    Q_OBJECT
public:
    DisagreementDialog(const Case &kase, const Disagreement &disagreement, QWidget *parent = nullptr);
    Disagreement value() const;

    QLineEdit *questionEdit() const { return m_question; }
    RowGrid *versionGrid() const { return m_versionGrid; }
    QPlainTextEdit *versionStatement(int row) const { return m_versions.at(row).statement; }
    CitationListEdit *versionCitations(int row) const { return m_versions.at(row).citations; }

protected:
    QStringList findProblems() const override;

private:
    struct VersionRow
    {
        QPlainTextEdit *statement;
        CitationListEdit *citations;
        KeptText keptStatement;
    };
    void addVersion(const DisagreementVersion &version);

    Disagreement m_disagreement;
    QLineEdit *m_question;
    RowGrid *m_versionGrid;
    QList<VersionRow> m_versions;
    KeptText m_keptQuestion;
};

} // namespace AT
