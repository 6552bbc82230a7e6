#include "casedocument.h"

#include "casewriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUndoStack>

namespace AT {

bool isKeptBeside(const Source &s)
{
    return !s.path.isEmpty() && !s.path.startsWith(QLatin1String("qrc:")) && !s.path.startsWith(QLatin1Char(':'));
}

namespace {

QString besideFile(const QDir &folder, const Source &s)
{
    return QFileInfo(s.path).isAbsolute() ? s.path : QFileInfo(folder.filePath(s.path)).absoluteFilePath();
}

QByteArray digest(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
}

} // namespace

CaseDocument::CaseDocument(QObject *parent)
    : QObject(parent)
    , m_case(std::make_shared<const Case>())
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this, &CaseDocument::updateModified);
}

CaseDocument::~CaseDocument() = default;

QString CaseDocument::displayName() const
{
    return m_path.isEmpty() ? QStringLiteral("Untitled") : QFileInfo(m_path).fileName();
}

bool CaseDocument::isModified() const
{
    return m_modified;
}

void CaseDocument::updateModified()
{
    const bool modified = m_restored || !m_undo->isClean();
    if (modified != m_modified) {
        m_modified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void CaseDocument::reset(std::shared_ptr<const Case> kase, const QString &path, bool modified)
{
    m_undo->clear();
    m_case = kase ? std::move(kase) : std::make_shared<const Case>();
    const bool pathChanged = path != m_path;
    m_path = path;
    m_restored = modified;
    m_besideOnDisk.clear();
    if (!path.isEmpty() && !modified) {
        // Read from there just now.
        const QDir folder = QFileInfo(path).absoluteDir();
        for (const Source &s : m_case->sources) {
            if (isKeptBeside(s)) {
                m_besideOnDisk.insert(besideFile(folder, s), digest(s.text.toUtf8()));
            }
        }
    }
    updateModified();
    if (pathChanged) {
        Q_EMIT filePathChanged(m_path);
    }
    Q_EMIT caseReset();
}

bool CaseDocument::apply(const CaseEdit &edit)
{
    if (edit.isEmpty()) {
        return false;
    }
    m_undo->push(new CaseEditCommand(this, edit));
    return true;
}

void CaseDocument::applyChanges(const QList<CaseChange> &changes, bool forward)
{
    // Copy on write: the snapshot the index holds stays as it was until the session takes the new one.
    auto next = std::make_shared<Case>(*m_case);
    if (forward) {
        for (const CaseChange &change : changes) {
            applyChange(*next, change, true);
        }
    } else {
        for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
            applyChange(*next, *it, false);
        }
    }
    m_case = std::move(next);
    Q_EMIT caseEdited();
}

bool CaseDocument::saveAs(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        *error = QStringLiteral("The case has no file yet; choose one with Save As.");
        return false;
    }
    const QDir folder = QFileInfo(path).absoluteDir();
    if (!folder.exists()) {
        *error = QStringLiteral("Cannot save %1: the folder %2 does not exist (was it removed or renamed?). "
                                "Choose another folder with Save As; the case stays open with its changes.")
                     .arg(path, folder.path());
        return false;
    }
    // Sources kept beside the case: the text must be there, as the case cites it.
    QHash<QString, QByteArray> written;
    for (const Source &s : m_case->sources) {
        if (!isKeptBeside(s)) {
            continue;
        }
        const QString file = besideFile(folder, s);
        const QByteArray bytes = s.text.toUtf8();
        QFile existing(file);
        if (existing.open(QIODevice::ReadOnly)) {
            const QByteArray there = existing.readAll();
            existing.close();
            if (there == bytes) {
                written.insert(file, digest(bytes));
                continue;
            }
            if (m_besideOnDisk.value(file) != digest(there)) {
                *error
                    = QStringLiteral("Cannot save the text of source %1: %2 already holds a different text that this "
                                     "case did not write (another case's source?). Move that file away, or keep "
                                     "this source in the case file (Case > Source Details). Nothing was saved; "
                                     "the case stays open with its changes.")
                          .arg(s.id, file);
                return false;
            }
        }
        if (!QFileInfo(file).absoluteDir().exists() && !QDir().mkpath(QFileInfo(file).absolutePath())) {
            *error = QStringLiteral("Cannot save the text of source %1 to %2: the folder cannot be made. "
                                    "Choose another folder with Save As; the case stays open with its changes.")
                         .arg(s.id, file);
            return false;
        }
        QString why;
        if (!writeFileAtomically(file, bytes, &why)) {
            *error = QStringLiteral("Cannot save the text of source %1: %2 The case file was not written; the "
                                    "case stays open with its changes.")
                         .arg(s.id, why);
            return false;
        }
        written.insert(file, digest(bytes));
    }
    QString why;
    if (!CaseWriter::writeFile(*m_case, path, &why)) {
        *error = why
            + QStringLiteral(". The case stays open with its changes: free some space, or save it elsewhere "
                             "with Save As.");
        return false;
    }
    const bool pathChanged = path != m_path;
    m_path = path;
    m_restored = false;
    m_besideOnDisk = written;
    m_undo->setClean();
    updateModified();
    if (pathChanged) {
        Q_EMIT filePathChanged(m_path);
    }
    return true;
}

} // namespace AT
