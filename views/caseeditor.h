#pragma once

#include "caseedit.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QDialog;
class QMenu;
class QWidget;

namespace AT {

class CaseDocument;
class SelectionState;
class SourceReader;

// The window's editing commands: cite what is selected in the source reader, make events, actors,
// claims and disagreements in forms, edit and delete them (showing what refers to them first), and
// bring sources in. Each command is one undo step on the document; nothing here changes a case
// any other way. Dialogs open on `parent`.
class CaseEditor final : public QObject
{
    Q_OBJECT
public:
    CaseEditor(CaseDocument *document, SelectionState *selection, SourceReader *reader, QWidget *parent);

    // The Case menu: everything below, grouped.
    void fillMenu(QMenu *menu) const;
    // What the source reader's context menu adds to its own.
    QList<QAction *> readerActions() const;
    // Source coverage: Mark Reviewed and Unmark Reviewed, in the Case menu and the reader's menu.
    QList<QAction *> reviewActions() const { return {m_markReviewed, m_unmarkReviewed}; }
    QAction *markReviewedAction() const { return m_markReviewed; }
    QAction *unmarkReviewedAction() const { return m_unmarkReviewed; }

    QAction *citeInEvent() const { return m_citeInEvent; }
    QAction *newEventFromSelection() const { return m_newEventFromSelection; }
    QAction *newClaimFromSelection() const { return m_newClaimFromSelection; }
    QAction *aliasFromSelection() const { return m_aliasFromSelection; }
    QAction *citeForActor() const { return m_citeForActor; }
    QAction *citeInClaim() const { return m_citeInClaim; }
    QAction *citeInDisagreement() const { return m_citeInDisagreement; }

    // The selection in the reader as a citation of the source shown; empty quote when none.
    Citation selectedCitation() const;
    // What Mark Reviewed marks: the selection, or without one the sentence at the cursor; empty
    // quote when neither (no source shown, a reference only, the cursor between sentences).
    Citation passageToReview() const;

    // Marks passageToReview() reviewed and not used, asking for the reason and the note in a
    // dialog unless `reason` is given. One undo step.
    bool markReviewed(std::optional<ReviewReason> reason = std::nullopt, const QString &note = {});
    // Removes the marks of the shown source that overlap the selection, or hold the cursor's sentence.
    bool unmarkReviewed();

    // The commands, for the actions and for tests. Each returns whether the case changed.
    bool citeSelectionInCurrentEvent();
    bool addSelectionAsAlias();
    bool citeSelectionForCurrentActor();
    // Adds the selection to a claim's citations; `claimId` empty: asks which.
    bool citeSelectionInClaim(const QString &claimId = {});
    // Adds the selection to a version of a disagreement; version -1: a new version with the
    // selection as its statement. Empty id: asks which.
    bool citeSelectionInDisagreement(const QString &disagreementId = {}, qsizetype version = -2);
    // Deletes after showing what refers to it (unless `confirmed`).
    bool deleteEntity(EntityKind kind, const QString &id, bool confirmed = false);

    // The forms. Each opens its dialog on a new entity (filled from `prefill`, with a fresh id) or
    // on the one with `id`, and makes what the user accepts one undo step.
    bool newEvent(const Event &prefill = {});
    bool editEvent(const QString &id);
    bool newActor(const Actor &prefill = {});
    bool editActor(const QString &id);
    bool newClaim(const Claim &prefill = {});
    bool editClaim(const QString &id);
    bool newDisagreement(const Disagreement &prefill = {});
    bool editDisagreement(const QString &id);
    bool editHeading();
    // The selection in the reader as the first citation of a new event or claim (a claim about
    // the current event, when there is one).
    bool newEventFromSelection();
    bool newClaimFromSelection();

    // Sources. A file (empty: asks for one) or pasted text (empty: the clipboard's) is read, shown
    // with its metadata to check, and added; the reader then shows it, ready to cite.
    bool addSourceFromFile(const QString &path = {});
    bool addPastedSource(const QString &text = {});
    // Reads the source's file again (empty: asks for it) and shows, before anything changes, what
    // the new text does to each citation (same place, moved, ambiguous, gone).
    bool reimportSource(const QString &id, const QString &path = {});
    // Title, publisher, URL and dates of a source.
    bool editSourceDetails(const QString &id);

    // What --check would say about the case as it would be saved now: counts, citations by anchor
    // status, every problem with its place and fix. Shown by Case > Check Case.
    QString checkReport() const;
    void showCheckReport();

    // How a dialog is run: exec() by default; tests fill the form and accept it instead. Returns
    // whether the dialog was accepted.
    using DialogRunner = std::function<bool(QDialog *)>;
    void setDialogRunner(DialogRunner runner) { m_runDialog = std::move(runner); }

Q_SIGNALS:
    // Said in the status bar.
    void message(const QString &text);

private:
    void updateEnabled();
    QString currentEventId() const;
    bool apply(const CaseEdit &edit, const QString &done);
    // Asks to pick one of `items` (id, text); empty when cancelled.
    QString choose(const QString &title, const QString &label, const QList<std::pair<QString, QString>> &items) const;

    bool run(QDialog *dialog) const;
    // Runs the form for `entity` and makes its value one step: added when `isNew`, else replaced.
    template<typename Dialog, typename T> bool runForm(const T &entity, bool isNew, const QString &what);

    CaseDocument *m_document;
    DialogRunner m_runDialog;
    QPointer<SelectionState> m_selection;
    QPointer<SourceReader> m_reader;
    QWidget *m_parent;
    QAction *m_citeInEvent;
    QAction *m_newEventFromSelection;
    QAction *m_newClaimFromSelection;
    QAction *m_aliasFromSelection;
    QAction *m_citeForActor;
    QAction *m_citeInClaim;
    QAction *m_citeInDisagreement;
    QAction *m_newEvent;
    QAction *m_newActor;
    QAction *m_newClaim;
    QAction *m_newDisagreement;
    QAction *m_editEvent;
    QAction *m_editActor;
    QAction *m_editClaim;
    QAction *m_editDisagreement;
    QAction *m_editHeading;
    QAction *m_deleteEvent;
    QAction *m_deleteActor;
    QAction *m_deleteClaim;
    QAction *m_deleteDisagreement;
    QAction *m_deleteSource;
    QAction *m_addSourceFile;
    QAction *m_addSourceText;
    QAction *m_reimportSource;
    QAction *m_editSource;
    QAction *m_check;
    QAction *m_markReviewed;
    QAction *m_unmarkReviewed;
};

// "“The first words of a long quote…”", for menus and undo step names.
QString shortQuote(const QString &text, int words = 8);

} // namespace AT
