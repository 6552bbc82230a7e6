#include "casewriter.h"

#include "casereader.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace AT {

namespace {

QJsonValue nullable(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue nullable(const DatePoint &p)
{
    return p.isValid() ? QJsonValue(p.toIsoString()) : QJsonValue(QJsonValue::Null);
}

void putIfNotEmpty(QJsonObject &obj, QLatin1StringView key, const QString &value)
{
    if (!value.isEmpty()) {
        obj.insert(key, value);
    }
}

void putIfNotEmpty(QJsonObject &obj, QLatin1StringView key, const QStringList &values)
{
    if (!values.isEmpty()) {
        obj.insert(key, QJsonArray::fromStringList(values));
    }
}

QJsonArray citationsToJson(const QList<Citation> &citations)
{
    QJsonArray arr;
    for (const Citation &c : citations) {
        QJsonObject o;
        o.insert(QLatin1StringView("source"), c.sourceId);
        o.insert(QLatin1StringView("quote"), c.quote);
        o.insert(QLatin1StringView("start"), c.start);
        o.insert(QLatin1StringView("end"), c.end);
        putIfNotEmpty(o, QLatin1StringView("prefix"), c.prefix);
        putIfNotEmpty(o, QLatin1StringView("suffix"), c.suffix);
        arr.append(o);
    }
    return arr;
}

QJsonObject dateToJson(const PartialDate &d)
{
    QJsonObject o;
    o.insert(QLatin1StringView("start"), nullable(d.start()));
    if (d.isRange()) {
        o.insert(QLatin1StringView("end"), nullable(d.end()));
    }
    if (d.isApproximate()) {
        o.insert(QLatin1StringView("approximate"), true);
    }
    putIfNotEmpty(o, QLatin1StringView("qualifier"), d.qualifier());
    const DateProvenance &p = d.provenance();
    if (p != DateProvenance {}) {
        QJsonObject po;
        po.insert(QLatin1StringView("kind"), provenanceKindName(p.kind));
        putIfNotEmpty(po, QLatin1StringView("expression"), p.expression);
        if (p.reference.isValid()) {
            po.insert(QLatin1StringView("reference"), p.reference.toIsoString());
        }
        putIfNotEmpty(po, QLatin1StringView("note"), p.referenceNote);
        if (!p.citations.isEmpty()) {
            po.insert(QLatin1StringView("citations"), citationsToJson(p.citations));
        }
        o.insert(QLatin1StringView("provenance"), po);
    }
    return o;
}

} // namespace

QByteArray CaseWriter::toJson(const Case &kase)
{
    QJsonObject root;
    root.insert(QLatin1StringView("format"), QString(CaseReader::FormatId));
    root.insert(QLatin1StringView("version"), CaseReader::FormatVersion);
    root.insert(QLatin1StringView("title"), kase.title);
    putIfNotEmpty(root, QLatin1StringView("description"), kase.description);

    QJsonArray sources;
    for (const Source &s : kase.sources) {
        QJsonObject o;
        o.insert(QLatin1StringView("id"), s.id);
        o.insert(QLatin1StringView("title"), s.title);
        if (s.path.isEmpty()) {
            o.insert(QLatin1StringView("text"), s.text);
        } else {
            o.insert(QLatin1StringView("path"), s.path);
        }
        o.insert(QLatin1StringView("publisher"), nullable(s.publisher));
        o.insert(QLatin1StringView("url"), nullable(s.url));
        o.insert(QLatin1StringView("published"), nullable(s.published));
        o.insert(QLatin1StringView("retrieved"), nullable(s.retrieved));
        o.insert(QLatin1StringView("sha256"), sha256Hex(s.text));
        sources.append(o);
    }
    root.insert(QLatin1StringView("sources"), sources);

    QJsonArray actors;
    for (const Actor &a : kase.actors) {
        QJsonObject o;
        o.insert(QLatin1StringView("id"), a.id);
        o.insert(QLatin1StringView("name"), a.name);
        o.insert(QLatin1StringView("kind"), a.kind);
        putIfNotEmpty(o, QLatin1StringView("description"), a.description);
        if (!a.citations.isEmpty()) {
            o.insert(QLatin1StringView("citations"), citationsToJson(a.citations));
        }
        if (!a.aliases.isEmpty()) {
            QJsonArray aliases;
            for (const Alias &alias : a.aliases) {
                QJsonObject ao;
                ao.insert(QLatin1StringView("name"), alias.name);
                putIfNotEmpty(ao, QLatin1StringView("usedBy"), alias.usedBy);
                ao.insert(QLatin1StringView("citations"), citationsToJson(alias.citations));
                aliases.append(ao);
            }
            o.insert(QLatin1StringView("aliases"), aliases);
        }
        if (!a.affiliations.isEmpty()) {
            QJsonArray affiliations;
            for (const Affiliation &aff : a.affiliations) {
                QJsonObject fo;
                fo.insert(QLatin1StringView("actor"), aff.actorId);
                fo.insert(QLatin1StringView("relation"), aff.relation);
                fo.insert(QLatin1StringView("citations"), citationsToJson(aff.citations));
                affiliations.append(fo);
            }
            o.insert(QLatin1StringView("affiliations"), affiliations);
        }
        actors.append(o);
    }
    root.insert(QLatin1StringView("actors"), actors);

    QJsonArray disagreements;
    for (const Disagreement &d : kase.disagreements) {
        QJsonObject o;
        o.insert(QLatin1StringView("id"), d.id);
        o.insert(QLatin1StringView("question"), d.question);
        QJsonArray versions;
        for (const DisagreementVersion &v : d.versions) {
            QJsonObject vo;
            vo.insert(QLatin1StringView("statement"), v.statement);
            vo.insert(QLatin1StringView("citations"), citationsToJson(v.citations));
            versions.append(vo);
        }
        o.insert(QLatin1StringView("versions"), versions);
        disagreements.append(o);
    }
    root.insert(QLatin1StringView("disagreements"), disagreements);

    QJsonArray events;
    for (const Event &e : kase.events) {
        QJsonObject o;
        o.insert(QLatin1StringView("id"), e.id);
        o.insert(QLatin1StringView("title"), e.title);
        putIfNotEmpty(o, QLatin1StringView("summary"), e.summary);
        o.insert(QLatin1StringView("category"), e.category);
        o.insert(QLatin1StringView("date"), dateToJson(e.date));
        QJsonArray participants;
        for (const Participant &p : e.participants) {
            QJsonObject po;
            po.insert(QLatin1StringView("actor"), p.actorId);
            po.insert(QLatin1StringView("role"), p.role);
            participants.append(po);
        }
        o.insert(QLatin1StringView("participants"), participants);
        o.insert(QLatin1StringView("citations"), citationsToJson(e.citations));
        putIfNotEmpty(o, QLatin1StringView("tags"), e.tags);
        putIfNotEmpty(o, QLatin1StringView("disagreements"), e.disagreements);
        events.append(o);
    }
    root.insert(QLatin1StringView("events"), events);

    QJsonArray claims;
    for (const Claim &c : kase.claims) {
        QJsonObject o;
        o.insert(QLatin1StringView("id"), c.id);
        o.insert(QLatin1StringView("attributor"), c.attributorId);
        o.insert(QLatin1StringView("subject"), nullable(c.subjectId));
        o.insert(QLatin1StringView("event"), nullable(c.eventId));
        o.insert(QLatin1StringView("statement"), c.statement);
        o.insert(QLatin1StringView("confidence"), nullable(c.confidence));
        if (c.confidenceValue) {
            o.insert(QLatin1StringView("confidenceValue"), *c.confidenceValue);
            o.insert(QLatin1StringView("yardstick"), c.yardstick);
        } else {
            putIfNotEmpty(o, QLatin1StringView("yardstick"), c.yardstick);
        }
        if (c.date.isValid()) {
            o.insert(QLatin1StringView("date"), dateToJson(c.date));
        }
        o.insert(QLatin1StringView("citations"), citationsToJson(c.citations));
        putIfNotEmpty(o, QLatin1StringView("disputes"), c.disputes);
        putIfNotEmpty(o, QLatin1StringView("disagreements"), c.disagreements);
        claims.append(o);
    }
    root.insert(QLatin1StringView("claims"), claims);

    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool writeFileAtomically(const QString &path, const QByteArray &data, QString *error)
{
    // Writing "atomically" over a device, a FIFO or a folder would replace it with a regular file
    // (as root even /dev/null), so only a regular file, or nothing yet, may be there. A symbolic
    // link counts as what it points to.
    const QFileInfo target(path);
    if ((target.exists() || target.isSymLink()) && !target.isFile()) {
        if (error) {
            const char *what = target.isDir() ? "a folder"
                : !target.exists()            ? "a link to nothing"
                                              : "not a regular file";
            *error = QStringLiteral("%1: is %2; choose the name of a new or existing regular file")
                         .arg(path, QLatin1String(what));
        }
        return false;
    }
    QSaveFile file(path);
    // Unbuffered: a failed write then reports the system's reason ("No space left on device").
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        if (error) {
            *error = QStringLiteral("%1: cannot write: %2").arg(path, file.errorString());
        }
        return false;
    }
    // A write that stops part-way reports no reason; the next one fails with the system's reason.
    qint64 written = 0;
    while (written < data.size()) {
        const qint64 n = file.write(data.constData() + written, data.size() - written);
        if (n <= 0) {
            break;
        }
        written += n;
    }
    if (written != data.size()) {
        if (error) {
            *error = QStringLiteral("%1: writing failed: %2; the previous file is unchanged")
                         .arg(path, file.errorString());
        }
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error) {
            *error
                = QStringLiteral("%1: saving failed: %2; the previous file is unchanged").arg(path, file.errorString());
        }
        return false;
    }
    return true;
}

bool CaseWriter::writeFile(const Case &kase, const QString &path, QString *error)
{
    return writeFileAtomically(path, toJson(kase), error);
}

} // namespace AT
