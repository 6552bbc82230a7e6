#pragma once

#include "casedata.h"
#include "formparts.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace AT {

// Edits one disputed point: the question, its kind (the accounts conflict, or one is only less
// specific than another) and the competing versions (at least two), each a statement and the
// passages that give it. value() is the disagreement as edited, with its id as it was.
class DisagreementDialog final : public FormDialog
{
    Q_OBJECT
public:
    DisagreementDialog(const Case &kase, const Disagreement &disagreement, QWidget *parent = nullptr);
    Disagreement value() const;

    QLineEdit *questionEdit() const { return m_question; }
    QComboBox *kindCombo() const { return m_kind; } // item data: the Disagreement::Kind as an int
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
    QComboBox *m_kind;
    RowGrid *m_versionGrid;
    QList<VersionRow> m_versions;
    KeptText m_keptQuestion;
};

} // namespace AT
