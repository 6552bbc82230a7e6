#pragma once

#include "casedata.h"
#include "formparts.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace AT {

class DateEdit;

// Where a confidence wording stands verbatim: in one of the cited quotes, or elsewhere in the text
// of a cited source.
struct WordingPlace
{
    enum class Where { Nowhere, Quote, SourceText };
    Where where = Where::Nowhere;
    QString sourceId;
};
// Looks for `wording` (exactly, case and all) in the quotes of `citations`, then in their sources.
WordingPlace findWording(const Case &kase, const QString &wording, const QList<Citation> &citations);

// Edits one claim: who says it, about whom and about which event, the statement, the source's
// confidence wording (which must stand verbatim in the claim's quotes or sources, or be left empty
// when the source gives none), a number only with the yardstick that maps the wording, when it was
// claimed, the claims it disputes, the disputed points it is part of, its citations and the
// journalist's own notes. value() is the claim as edited, with its id as it was.
class ClaimDialog final : public FormDialog
{
    Q_OBJECT
public:
    ClaimDialog(const Case &kase, const Claim &claim, QWidget *parent = nullptr);
    Claim value() const;

    QComboBox *attributorBox() const { return m_attributor; }
    QComboBox *subjectBox() const { return m_subject; }
    QComboBox *eventBox() const { return m_event; }
    QPlainTextEdit *statementEdit() const { return m_statement; }
    QLineEdit *confidenceEdit() const { return m_confidence; }
    QLabel *confidenceStatus() const { return m_confidenceStatus; }
    QSpinBox *confidenceValueBox() const { return m_value; }
    QComboBox *yardstickBox() const { return m_yardstick; }
    DateEdit *dateEdit() const { return m_date; }
    CheckList *disputesList() const { return m_disputes; }
    CheckList *disagreementList() const { return m_disagreements; }
    CitationListEdit *citationsEdit() const { return m_citations; }
    QPlainTextEdit *notesEdit() const { return m_notes; }

protected:
    QStringList findProblems() const override;

private:
    void updateConfidenceStatus();

    Claim m_claim;
    QComboBox *m_attributor;
    QComboBox *m_subject;
    QComboBox *m_event;
    QPlainTextEdit *m_statement;
    QLineEdit *m_confidence;
    QLabel *m_confidenceStatus;
    QSpinBox *m_value;
    QComboBox *m_yardstick;
    DateEdit *m_date;
    CheckList *m_disputes;
    CheckList *m_disagreements;
    CitationListEdit *m_citations;
    QPlainTextEdit *m_notes;
    KeptText m_keptStatement;
    KeptText m_keptConfidence;
    KeptText m_keptYardstick;
    KeptText m_keptNotes;
};

} // namespace AT
