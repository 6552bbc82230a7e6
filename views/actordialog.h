#pragma once

#include "casedata.h"
#include "formparts.h"

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace AT {

// Edits one actor: name, kind, description, the passages that name it, its aliases (each with the
// actors who use the name and the passages that give it), its affiliations (the other actor, the
// relation in the sources' terms, the passages that state it) and the journalist's own notes.
// value() is the actor as edited, with its id as it was.
class ActorDialog final : public FormDialog
{
    Q_OBJECT
public:
    ActorDialog(const Case &kase, const Actor &actor, QWidget *parent = nullptr);
    Actor value() const;

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *kindBox() const { return m_kind; }
    QPlainTextEdit *descriptionEdit() const { return m_description; }
    CitationListEdit *citationsEdit() const { return m_citations; }
    RowGrid *aliasGrid() const { return m_aliasGrid; }
    QLineEdit *aliasName(int row) const { return m_aliases.at(row).name; }
    ActorSetEdit *aliasUsedBy(int row) const { return m_aliases.at(row).usedBy; }
    CitationListEdit *aliasCitations(int row) const { return m_aliases.at(row).citations; }
    RowGrid *affiliationGrid() const { return m_affiliationGrid; }
    QComboBox *affiliationActor(int row) const { return m_affiliations.at(row).actor; }
    QComboBox *affiliationRelation(int row) const { return m_affiliations.at(row).relation; }
    CitationListEdit *affiliationCitations(int row) const { return m_affiliations.at(row).citations; }
    QPlainTextEdit *notesEdit() const { return m_notes; }

protected:
    QStringList findProblems() const override;

private:
    struct AliasRow
    {
        QLineEdit *name;
        ActorSetEdit *usedBy;
        CitationListEdit *citations;
        KeptText keptName;
    };
    struct AffiliationRow
    {
        QComboBox *actor;
        QComboBox *relation;
        CitationListEdit *citations;
        KeptText keptRelation;
    };
    void addAlias(const Alias &alias);
    void addAffiliation(const Affiliation &affiliation);

    Actor m_actor;
    QStringList m_relations;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QPlainTextEdit *m_description;
    CitationListEdit *m_citations;
    RowGrid *m_aliasGrid;
    QList<AliasRow> m_aliases;
    RowGrid *m_affiliationGrid;
    QList<AffiliationRow> m_affiliations;
    QPlainTextEdit *m_notes;
    KeptText m_keptName;
    KeptText m_keptKind;
    KeptText m_keptDescription;
    KeptText m_keptNotes;
};

} // namespace AT
