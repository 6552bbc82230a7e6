#pragma once

#include "caseedit.h"

#include <QDateTime>
#include <QObject>

class QTimer;

namespace AT {

class CaseDocument;

// A case with unsaved edits that a process wrote to its recovery folder and never saved or
// discarded: that process was killed or crashed.
struct RecoveryEntry
{
    QString file; // the recovered case (a case file, sources embedded)
    QString casePath; // where the case was saved, empty when it never was
    QString title;
    QDateTime written;
    qint64 pid = 0;
};

// The recovery folder: one case file and one description per document with unsaved changes.
class RecoveryStore
{
public:
    // QStandardPaths' AppLocalDataLocation + "/recovery".
    static QString defaultFolder();

    explicit RecoveryStore(const QString &folder = defaultFolder());
    QString folder() const { return m_folder; }

    // Entries whose process has ended, newest first.
    QList<RecoveryEntry> orphaned() const;
    // Reads the recovered case; on failure returns nothing and *error says why.
    std::optional<Case> read(const RecoveryEntry &entry, QString *error) const;
    // Removes the entry's files.
    void discard(const RecoveryEntry &entry) const;

private:
    QString m_folder;
};

// Writes a document's unsaved state to the recovery folder a few seconds after each edit, and
// removes it once the document is saved, reset or closed. Killed before that, the process leaves
// the file for RecoveryStore::orphaned() at the next start.
class Autosaver final : public QObject
{
    Q_OBJECT
public:
    explicit Autosaver(CaseDocument *document, const QString &folder = RecoveryStore::defaultFolder(),
                       QObject *parent = nullptr);
    ~Autosaver() override; // discards the recovery file: a clean close

    void setInterval(int milliseconds);
    int interval() const;
    QString recoveryFile() const { return m_file; }
    // Writes the recovery file now; false (and *error) when it cannot.
    bool saveNow(QString *error = nullptr);
    void discard();
    // Takes over a recovery file another run left (its case was just restored): rewritten now, as
    // this process's, and removed when the document is saved.
    bool adopt(const QString &file);

Q_SIGNALS:
    void autosaved(const QString &file);
    void autosaveFailed(const QString &error);

private:
    void scheduled();
    CaseDocument *m_document;
    QString m_folder;
    QString m_file;
    QTimer *m_timer;
};

} // namespace AT
