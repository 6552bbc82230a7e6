#pragma once

#include "casedata.h"
#include "formparts.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace AT {

class DateEdit;

// Edits one event: title, summary, category, date, who took part in which role, tags, the disputed
// points it is part of, its citations (removed here, added from the source reader) and the
// journalist's own notes. value() is the event as edited, with its id and anything not shown as they
// were.
class EventDialog final : public FormDialog
{
    Q_OBJECT
public:
    EventDialog(const Case &kase, const Event &event, QWidget *parent = nullptr);
    Event value() const;

    QLineEdit *titleEdit() const { return m_title; }
    QComboBox *categoryBox() const { return m_category; }
    QPlainTextEdit *summaryEdit() const { return m_summary; }
    QLineEdit *tagsEdit() const { return m_tags; }
    DateEdit *dateEdit() const { return m_date; }
    RowGrid *participantGrid() const { return m_participantGrid; }
    QComboBox *participantActor(int row) const;
    QComboBox *participantRole(int row) const;
    CheckList *disagreementList() const { return m_disagreements; }
    CitationListEdit *citationsEdit() const { return m_citations; }
    QPlainTextEdit *notesEdit() const { return m_notes; }

protected:
    QStringList findProblems() const override;

private:
    struct ParticipantRow
    {
        QComboBox *actor;
        QComboBox *role;
        KeptText keptRole;
    };
    void addParticipant(const Participant &participant);

    Event m_event;
    QStringList m_roles;
    QLineEdit *m_title;
    QComboBox *m_category;
    QPlainTextEdit *m_summary;
    QLineEdit *m_tags;
    DateEdit *m_date;
    RowGrid *m_participantGrid;
    QList<ParticipantRow> m_participants;
    CheckList *m_disagreements;
    CitationListEdit *m_citations;
    QPlainTextEdit *m_notes;
    KeptText m_keptTitle;
    KeptText m_keptCategory;
    KeptText m_keptSummary;
    KeptText m_keptTags;
    KeptText m_keptNotes;
};

} // namespace AT
