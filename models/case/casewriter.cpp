#include "casewriter.h"

#include "casereader.h"
#include "caseschema.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

namespace AT {

namespace {

// Every key written is checked against the schema while compiling (CaseSchema::key).
using CaseSchema::key;
using Kind = CaseSchema::Kind;

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

// `referenceOnly`: the ids of the sources whose texts the case does not hold. Their citations'
// positions are optional, and written only when there is one.
QJsonArray citationsToJson(const QList<Citation> &citations, const QSet<QString> &referenceOnly)
{
    QJsonArray arr;
    for (const Citation &c : citations) {
        QJsonObject o;
        o.insert(key<Kind::Citation>("source"), c.sourceId);
        o.insert(key<Kind::Citation>("quote"), c.quote);
        if (!referenceOnly.contains(c.sourceId) || (c.start >= 0 && c.end >= c.start)) {
            o.insert(key<Kind::Citation>("start"), c.start);
            o.insert(key<Kind::Citation>("end"), c.end);
        }
        putIfNotEmpty(o, key<Kind::Citation>("prefix"), c.prefix);
        putIfNotEmpty(o, key<Kind::Citation>("suffix"), c.suffix);
        arr.append(o);
    }
    return arr;
}

QJsonObject dateToJson(const PartialDate &d, const QSet<QString> &referenceOnly)
{
    QJsonObject o;
    o.insert(key<Kind::Date>("start"), nullable(d.start()));
    if (d.isRange()) {
        o.insert(key<Kind::Date>("end"), nullable(d.end()));
    }
    switch (d.approximate()) {
    case PartialDate::Approximate::No:
        break;
    case PartialDate::Approximate::Whole:
        o.insert(key<Kind::Date>("approximate"), true);
        break;
    case PartialDate::Approximate::Start:
        o.insert(key<Kind::Date>("approximate"), QStringLiteral("start"));
        break;
    case PartialDate::Approximate::End:
        o.insert(key<Kind::Date>("approximate"), QStringLiteral("end"));
        break;
    }
    putIfNotEmpty(o, key<Kind::Date>("qualifier"), d.qualifier());
    const DateProvenance &p = d.provenance();
    if (p != DateProvenance {}) {
        QJsonObject po;
        po.insert(key<Kind::Provenance>("kind"), provenanceKindName(p.kind));
        putIfNotEmpty(po, key<Kind::Provenance>("expression"), p.expression);
        if (p.reference.isValid()) {
            po.insert(key<Kind::Provenance>("reference"), p.reference.toIsoString());
        }
        putIfNotEmpty(po, key<Kind::Provenance>("note"), p.referenceNote);
        if (!p.citations.isEmpty()) {
            po.insert(key<Kind::Provenance>("citations"), citationsToJson(p.citations, referenceOnly));
        }
        o.insert(key<Kind::Date>("provenance"), po);
    }
    return o;
}

QJsonArray acceptedToJson(const QList<AcceptedWarning> &accepted)
{
    QJsonArray arr;
    for (const AcceptedWarning &a : accepted) {
        QJsonObject o;
        o.insert(key<Kind::AcceptedWarning>("rule"), a.rule);
        o.insert(key<Kind::AcceptedWarning>("reason"), a.reason);
        arr.append(o);
    }
    return arr;
}

} // namespace

QByteArray CaseWriter::toJson(const Case &kase)
{
    QJsonObject root;
    root.insert(key<Kind::Case>("format"), QString(CaseReader::FormatId));
    root.insert(key<Kind::Case>("version"), CaseReader::FormatVersion);
    putIfNotEmpty(root, key<Kind::Case>("id"), kase.id);
    root.insert(key<Kind::Case>("title"), kase.title);
    putIfNotEmpty(root, key<Kind::Case>("description"), kase.description);

    QSet<QString> referenceOnly;
    QJsonArray sources;
    for (const Source &s : kase.sources) {
        if (s.referenceOnly) {
            referenceOnly.insert(s.id);
        }
        QJsonObject o;
        o.insert(key<Kind::Source>("id"), s.id);
        putIfNotEmpty(o, key<Kind::Source>("title"), s.title);
        if (s.referenceOnly) {
            o.insert(key<Kind::Source>("referenceOnly"), true);
        } else if (s.path.isEmpty()) {
            o.insert(key<Kind::Source>("text"), s.text);
        } else {
            o.insert(key<Kind::Source>("path"), s.path);
        }
        o.insert(key<Kind::Source>("publisher"), nullable(s.publisher));
        o.insert(key<Kind::Source>("url"), nullable(s.url));
        o.insert(key<Kind::Source>("published"), nullable(s.published));
        o.insert(key<Kind::Source>("retrieved"), nullable(s.retrieved));
        if (!s.referenceOnly) {
            o.insert(key<Kind::Source>("sha256"), sha256Hex(s.text));
        } else {
            putIfNotEmpty(o, key<Kind::Source>("sha256"), s.sha256); // the text elsewhere, as given
        }
        sources.append(o);
    }
    root.insert(key<Kind::Case>("sources"), sources);

    QJsonArray actors;
    for (const Actor &a : kase.actors) {
        QJsonObject o;
        o.insert(key<Kind::Actor>("id"), a.id);
        o.insert(key<Kind::Actor>("name"), a.name);
        o.insert(key<Kind::Actor>("kind"), a.kind);
        putIfNotEmpty(o, key<Kind::Actor>("description"), a.description);
        if (!a.citations.isEmpty()) {
            o.insert(key<Kind::Actor>("citations"), citationsToJson(a.citations, referenceOnly));
        }
        if (!a.aliases.isEmpty()) {
            QJsonArray aliases;
            for (const Alias &alias : a.aliases) {
                QJsonObject ao;
                ao.insert(key<Kind::Alias>("name"), alias.name);
                putIfNotEmpty(ao, key<Kind::Alias>("usedBy"), alias.usedBy);
                ao.insert(key<Kind::Alias>("citations"), citationsToJson(alias.citations, referenceOnly));
                aliases.append(ao);
            }
            o.insert(key<Kind::Actor>("aliases"), aliases);
        }
        if (!a.affiliations.isEmpty()) {
            QJsonArray affiliations;
            for (const Affiliation &aff : a.affiliations) {
                QJsonObject fo;
                fo.insert(key<Kind::Affiliation>("actor"), aff.actorId);
                fo.insert(key<Kind::Affiliation>("relation"), aff.relation);
                fo.insert(key<Kind::Affiliation>("citations"), citationsToJson(aff.citations, referenceOnly));
                affiliations.append(fo);
            }
            o.insert(key<Kind::Actor>("affiliations"), affiliations);
        }
        putIfNotEmpty(o, key<Kind::Actor>("notes"), a.notes);
        actors.append(o);
    }
    root.insert(key<Kind::Case>("actors"), actors);

    QJsonArray disagreements;
    for (const Disagreement &d : kase.disagreements) {
        QJsonObject o;
        o.insert(key<Kind::Disagreement>("id"), d.id);
        o.insert(key<Kind::Disagreement>("question"), d.question);
        if (d.kind != Disagreement::Kind::Conflict) { // the default, left out as older files do
            o.insert(key<Kind::Disagreement>("kind"), disagreementKindName(d.kind));
        }
        QJsonArray versions;
        for (const DisagreementVersion &v : d.versions) {
            QJsonObject vo;
            vo.insert(key<Kind::Version>("statement"), v.statement);
            vo.insert(key<Kind::Version>("citations"), citationsToJson(v.citations, referenceOnly));
            versions.append(vo);
        }
        o.insert(key<Kind::Disagreement>("versions"), versions);
        disagreements.append(o);
    }
    root.insert(key<Kind::Case>("disagreements"), disagreements);

    QJsonArray events;
    for (const Event &e : kase.events) {
        QJsonObject o;
        o.insert(key<Kind::Event>("id"), e.id);
        o.insert(key<Kind::Event>("title"), e.title);
        putIfNotEmpty(o, key<Kind::Event>("summary"), e.summary);
        o.insert(key<Kind::Event>("category"), e.category);
        o.insert(key<Kind::Event>("date"), dateToJson(e.date, referenceOnly));
        QJsonArray participants;
        for (const Participant &p : e.participants) {
            QJsonObject po;
            po.insert(key<Kind::Participant>("actor"), p.actorId);
            po.insert(key<Kind::Participant>("role"), p.role);
            participants.append(po);
        }
        o.insert(key<Kind::Event>("participants"), participants);
        o.insert(key<Kind::Event>("citations"), citationsToJson(e.citations, referenceOnly));
        putIfNotEmpty(o, key<Kind::Event>("tags"), e.tags);
        putIfNotEmpty(o, key<Kind::Event>("disagreements"), e.disagreements);
        putIfNotEmpty(o, key<Kind::Event>("notes"), e.notes);
        if (!e.acceptedWarnings.isEmpty()) {
            o.insert(key<Kind::Event>("acceptedWarnings"), acceptedToJson(e.acceptedWarnings));
        }
        events.append(o);
    }
    root.insert(key<Kind::Case>("events"), events);

    QJsonArray claims;
    for (const Claim &c : kase.claims) {
        QJsonObject o;
        o.insert(key<Kind::Claim>("id"), c.id);
        o.insert(key<Kind::Claim>("attributor"), c.attributorId);
        o.insert(key<Kind::Claim>("subject"), nullable(c.subjectId));
        o.insert(key<Kind::Claim>("event"), nullable(c.eventId));
        o.insert(key<Kind::Claim>("statement"), c.statement);
        o.insert(key<Kind::Claim>("confidence"), nullable(c.confidence));
        if (c.confidenceValue) {
            o.insert(key<Kind::Claim>("confidenceValue"), *c.confidenceValue);
            o.insert(key<Kind::Claim>("yardstick"), c.yardstick);
        } else {
            putIfNotEmpty(o, key<Kind::Claim>("yardstick"), c.yardstick);
        }
        if (c.date.isValid()) {
            o.insert(key<Kind::Claim>("date"), dateToJson(c.date, referenceOnly));
        }
        o.insert(key<Kind::Claim>("citations"), citationsToJson(c.citations, referenceOnly));
        putIfNotEmpty(o, key<Kind::Claim>("disputes"), c.disputes);
        putIfNotEmpty(o, key<Kind::Claim>("disagreements"), c.disagreements);
        putIfNotEmpty(o, key<Kind::Claim>("notes"), c.notes);
        if (!c.acceptedWarnings.isEmpty()) {
            o.insert(key<Kind::Claim>("acceptedWarnings"), acceptedToJson(c.acceptedWarnings));
        }
        claims.append(o);
    }
    root.insert(key<Kind::Case>("claims"), claims);

    // Only when there are some: a case never reviewed is written as before.
    if (!kase.reviewed.isEmpty()) {
        QJsonArray reviewed;
        for (const ReviewedPassage &r : kase.reviewed) {
            QJsonObject o;
            o.insert(key<Kind::Reviewed>("passage"), citationsToJson({r.passage}, referenceOnly).first());
            o.insert(key<Kind::Reviewed>("reason"), reviewReasonName(r.reason));
            putIfNotEmpty(o, key<Kind::Reviewed>("note"), r.note);
            reviewed.append(o);
        }
        root.insert(key<Kind::Case>("reviewed"), reviewed);
    }

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
