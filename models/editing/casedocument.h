#pragma once

#include "caseedit.h"

#include <QHash>
#include <QObject>

#include <memory>

class QUndoStack;

namespace AT {

// Whether the source's text is kept in a file beside the case (not embedded, not built in).
bool isKeptBeside(const Source &source);

// The case a window edits: the case itself, where it is saved, and its undo history. Every edit
// goes through apply() as one undo step; views never change a case any other way. Snapshots of
// the case are shared, read-only, with the index and the models (CaseSession).
class CaseDocument final : public QObject
{
    Q_OBJECT
public:
    explicit CaseDocument(QObject *parent = nullptr);
    ~CaseDocument() override;

    const Case &kase() const { return *m_case; }
    // The case as it is now, shared read-only; the same pointer until the next change.
    std::shared_ptr<const Case> snapshot() const { return m_case; }
    QUndoStack *undoStack() const { return m_undo; }

    // Where the case is saved: empty for a new case, and for the built-in one (which is read from
    // the app's resources and saved elsewhere with Save As).
    QString filePath() const { return m_path; }
    // The file name, or "Untitled" for a case never saved.
    QString displayName() const;
    // Unsaved changes: edits since the last save, or a case restored from a recovery file.
    bool isModified() const;

    // Replaces the case (opened, new or recovered) and forgets the undo history. `modified`: the
    // case differs from the file at `path` (a recovered case).
    void reset(std::shared_ptr<const Case> kase, const QString &path, bool modified = false);

    // Makes the edit one undo step (nothing when it is empty). Returns whether it was applied.
    bool apply(const CaseEdit &edit);

    // Writes the case to `path` atomically, and first any source kept beside it ("path" in the
    // file) whose text differs from what is there. On failure nothing on disk is half written,
    // the case in memory is untouched, and *error says what failed and what to do.
    bool saveAs(const QString &path, QString *error);
    bool save(QString *error) { return saveAs(m_path, error); }

    // Used by CaseEditCommand.
    void applyChanges(const QList<CaseChange> &changes, bool forward);

Q_SIGNALS:
    // The case was replaced (reset).
    void caseReset();
    // An edit was done, undone or redone; `changes` as applied, in order (inverted when undone).
    void caseEdited();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void updateModified();

    // The texts kept beside the case as this document last read or wrote them (SHA-256 of the
    // bytes, by absolute file name): a file there that is neither this nor the new text belongs
    // to someone else (another case saved in the same folder) and is never overwritten.
    QHash<QString, QByteArray> m_besideOnDisk;
    std::shared_ptr<const Case> m_case;
    QUndoStack *m_undo;
    QString m_path;
    bool m_restored = false; // recovered, not yet saved
    bool m_modified = false;
};

} // namespace AT
