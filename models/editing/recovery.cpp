#include "recovery.h"

#include "casedocument.h"
#include "casereader.h"
#include "casewriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <cerrno>
#include <csignal>

namespace AT {

namespace {

constexpr QLatin1StringView MetaSuffix {".meta.json"};

QByteArray readProcFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.read(4096) : QByteArray();
}

// Whether the run that wrote a recovery file still runs. A process that has ended but not yet been
// reaped by its parent (a zombie: killed from a terminal that has not noticed) has ended; so has
// one whose number another program now uses.
bool processAlive(qint64 pid)
{
    if (pid <= 0) {
        return false;
    }
    if (pid == QCoreApplication::applicationPid()) {
        return true;
    }
    const QString proc = QStringLiteral("/proc/%1/").arg(pid);
    if (QFileInfo::exists(QStringLiteral("/proc/self/stat"))) {
        const QByteArray stat = readProcFile(proc + QStringLiteral("stat"));
        const qsizetype close = stat.lastIndexOf(')');
        if (stat.isEmpty() || close < 0 || close + 2 >= stat.size()) {
            return false;
        }
        const char state = stat.at(close + 2);
        if (state == 'Z' || state == 'X' || state == 'x') {
            return false;
        }
        return readProcFile(proc + QStringLiteral("comm")) == readProcFile(QStringLiteral("/proc/self/comm"));
    }
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

} // namespace

QString RecoveryStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/recovery");
}

RecoveryStore::RecoveryStore(const QString &folder)
    : m_folder(folder)
{ }

QList<RecoveryEntry> RecoveryStore::orphaned() const
{
    QList<RecoveryEntry> out;
    const QDir dir(m_folder);
    const QStringList metas = dir.entryList({QStringLiteral("*") + MetaSuffix}, QDir::Files);
    for (const QString &name : metas) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::ReadOnly) || f.size() > 1 << 20) {
            continue;
        }
        const QJsonObject meta = QJsonDocument::fromJson(f.readAll()).object();
        RecoveryEntry e;
        e.file = dir.filePath(name.chopped(MetaSuffix.size()) + QStringLiteral(".json"));
        e.casePath = meta.value(QLatin1StringView("case")).toString();
        e.title = meta.value(QLatin1StringView("title")).toString();
        e.written = QDateTime::fromString(meta.value(QLatin1StringView("written")).toString(), Qt::ISODate);
        e.pid = meta.value(QLatin1StringView("pid")).toInteger();
        if (!QFileInfo::exists(e.file) || processAlive(e.pid)) {
            continue;
        }
        out << e;
    }
    std::sort(out.begin(), out.end(),
              [](const RecoveryEntry &a, const RecoveryEntry &b) { return a.written > b.written; });
    return out;
}

std::optional<Case> RecoveryStore::read(const RecoveryEntry &entry, QString *error) const
{
    CaseLoad load = CaseReader::readFile(entry.file);
    if (!load.ok()) {
        QStringList lines;
        for (const Problem &p : std::as_const(load.problems)) {
            lines << p.toString();
        }
        *error
            = QStringLiteral("The recovery file %1 cannot be read: %2").arg(entry.file, lines.join(QLatin1Char('\n')));
        return std::nullopt;
    }
    // The texts kept beside the case were embedded in the recovery file; put their paths back.
    QFile f(entry.file.chopped(5) + MetaSuffix);
    if (f.open(QIODevice::ReadOnly)) {
        const QJsonObject paths
            = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1StringView("paths")).toObject();
        for (Source &s : load.kase.sources) {
            s.path = paths.value(s.id).toString(s.path);
        }
    }
    return std::move(load.kase);
}

void RecoveryStore::discard(const RecoveryEntry &entry) const
{
    QFile::remove(entry.file);
    QFile::remove(entry.file.chopped(5) + MetaSuffix);
}

Autosaver::Autosaver(CaseDocument *document, const QString &folder, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_folder(folder)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(5000);
    connect(m_timer, &QTimer::timeout, this, &Autosaver::scheduled);
    connect(document, &CaseDocument::caseEdited, this, [this] {
        if (m_document->isModified() && !m_timer->isActive()) {
            m_timer->start();
        }
    });
    connect(document, &CaseDocument::modifiedChanged, this, [this](bool modified) {
        if (modified) {
            if (!m_timer->isActive()) {
                m_timer->start();
            }
        } else {
            m_timer->stop();
            discard();
        }
    });
    connect(document, &CaseDocument::caseReset, this, [this] {
        if (m_document->isModified()) {
            m_timer->start();
        } else {
            m_timer->stop();
            discard();
        }
    });
}

Autosaver::~Autosaver()
{
    discard();
}

void Autosaver::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

int Autosaver::interval() const
{
    return m_timer->interval();
}

void Autosaver::scheduled()
{
    if (!m_document->isModified()) {
        return;
    }
    QString error;
    if (!saveNow(&error)) {
        Q_EMIT autosaveFailed(error);
    }
}

bool Autosaver::saveNow(QString *error)
{
    QString why;
    if (!QDir().mkpath(m_folder)) {
        why = QStringLiteral("Cannot make the recovery folder %1.").arg(m_folder);
    } else {
        if (m_file.isEmpty()) {
            m_file
                = QDir(m_folder).filePath(QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".json"));
        }
        Case kase = m_document->kase();
        QJsonObject paths;
        for (Source &s : kase.sources) {
            if (isKeptBeside(s)) {
                paths.insert(s.id, s.path);
                s.path.clear(); // embedded: the recovery file stands alone
            }
        }
        QJsonObject meta;
        meta.insert(QLatin1StringView("case"), m_document->filePath());
        meta.insert(QLatin1StringView("title"), kase.title);
        meta.insert(QLatin1StringView("written"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        meta.insert(QLatin1StringView("pid"), QCoreApplication::applicationPid());
        meta.insert(QLatin1StringView("paths"), paths);
        if (writeFileAtomically(m_file, CaseWriter::toJson(kase), &why)
            && writeFileAtomically(m_file.chopped(5) + MetaSuffix, QJsonDocument(meta).toJson(), &why)) {
            Q_EMIT autosaved(m_file);
            return true;
        }
    }
    if (error) {
        *error = why;
    }
    return false;
}

bool Autosaver::adopt(const QString &file)
{
    if (!m_file.isEmpty() && m_file != file) {
        discard();
    }
    m_file = file;
    return saveNow();
}

void Autosaver::discard()
{
    if (!m_file.isEmpty()) {
        QFile::remove(m_file);
        QFile::remove(m_file.chopped(5) + MetaSuffix);
    }
}

} // namespace AT
