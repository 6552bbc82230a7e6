#include "stiximport.h"

#include "anchoring.h"
#include "casereader.h"
#include "stixcommon.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace AT {

namespace {

using namespace Qt::StringLiterals;

// The properties of our own export that hold a case item as the case format writes it.
const QLatin1StringView StixOwnSource("x_attribution_timeline_source");
const QLatin1StringView StixOwnActor("x_attribution_timeline_actor");
const QLatin1StringView StixOwnEvent("x_attribution_timeline_event");
const QLatin1StringView StixOwnClaim("x_attribution_timeline_claim");
const QLatin1StringView StixOwnDisagreement("x_attribution_timeline_disagreement");
const QLatin1StringView StixOwnCase("x_attribution_timeline_case");
const QLatin1StringView StixOwnRole("x_attribution_timeline_role");

// Cyber-observable types (STIX 2.1 section 6): they have no created/modified.
bool stixIsObservable(const QString &type)
{
    static const QSet<QString> types {
        u"artifact"_s,
        u"autonomous-system"_s,
        u"directory"_s,
        u"domain-name"_s,
        u"email-addr"_s,
        u"email-message"_s,
        u"file"_s,
        u"ipv4-addr"_s,
        u"ipv6-addr"_s,
        u"mac-addr"_s,
        u"mutex"_s,
        u"network-traffic"_s,
        u"process"_s,
        u"software"_s,
        u"url"_s,
        u"user-account"_s,
        u"windows-registry-key"_s,
        u"x509-certificate"_s,
    };
    return types.contains(type);
}

const QStringList &stixTimestampKeys()
{
    static const QStringList keys {u"created"_s,   u"modified"_s,       u"first_seen"_s,   u"last_seen"_s,
                                   u"published"_s, u"valid_from"_s,     u"valid_until"_s,  u"start_time"_s,
                                   u"stop_time"_s, u"first_observed"_s, u"last_observed"_s};
    return keys;
}

QString stixPlural(qsizetype n, const QString &one, const QString &many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

class StixImporter
{
public:
    StixImporter(const QByteArray &json, const QString &fileName)
        : m_json(json)
        , m_file(fileName)
    { }
    Conversion run();

private:
    void error(const QString &path, const QString &message)
    {
        m_out.problems.append(Problem {Problem::Severity::Error, m_file, path, 0, 0, message});
    }
    void warning(const QString &path, const QString &message)
    {
        m_out.problems.append(Problem {Problem::Severity::Warning, m_file, path, 0, 0, message});
    }
    QString at(qsizetype i) const { return m_single ? QString() : u"objects["_s + QString::number(i) + u']'; }
    static QString sub(const QString &base, const QString &key) { return base.isEmpty() ? key : base + u'.' + key; }

    bool validate();
    void validateObject(qsizetype i, const QJsonObject &o);
    void readOwn();
    void readForeign();
    QString actorForIdentity(const QString &stixId);
    QString nameOf(const QString &stixId) const;
    QString sourceForReference(const QJsonObject &ref, const QStringList &objectNames);
    void referencesOf(const QJsonObject &o);
    void relationshipClaim(const QJsonObject &o);
    void opinionClaim(const QJsonObject &o);
    void leftOut(const QString &type) { ++m_leftOut[type]; }
    // Counts, by type and name, the properties of an object read into the case that the case keeps
    // nothing of (besides those every object has and `kept`), so that the notes can name them.
    void notKept(const QJsonObject &o, std::initializer_list<QStringView> kept);

    const QByteArray &m_json;
    const QString m_file;
    Conversion m_out;
    QString m_version; // "2.0" or "2.1"
    QString m_bundleId;
    QList<QJsonObject> m_objects; // after de-duplication, in bundle order
    QList<qsizetype> m_indexes; // each kept object's index in the bundle
    QHash<QString, qsizetype> m_byId; // STIX id -> position in m_objects
    QMap<QString, int> m_leftOut;
    QMap<QString, int> m_notKept; // "intrusion-set first_seen" -> objects
    // STIX id -> case id, for objects that became case items
    QHash<QString, QString> m_actorOf;
    QHash<QString, QString> m_eventOf;
    QHash<QString, QString> m_claimOf;
    QHash<QString, qsizetype> m_sourceByKey;
    qsizetype m_referenceSources = 0;
    qsizetype m_skippedAliasReferences = 0;
    qsizetype m_unnamedClaims = 0;
    qsizetype m_droppedRelationships = 0;
    bool m_single = false; // the file is one STIX object, not a bundle
};

bool StixImporter::validate()
{
    if (m_json.size() > CaseReader::MaxCaseFileBytes) {
        error(QString(),
              u"the file is %1 bytes; the limit is %2 bytes (1 GiB); split the bundle"_s.arg(m_json.size())
                  .arg(CaseReader::MaxCaseFileBytes));
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(m_json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Line and column as an editor shows them; Qt's offset is just past the offending character.
        const QByteArray before = m_json.left(std::max(0, parseError.offset - 1));
        Problem p {
            Problem::Severity::Error,
            m_file,
            QString(),
            int(before.count('\n')) + 1,
            int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1,
            u"not valid JSON (%1); fix the JSON (a STIX bundle is one JSON object)"_s.arg(parseError.errorString())};
        m_out.problems.append(p);
        return false;
    }
    if (!doc.isObject()) {
        error(QString(), u"the top level must be a JSON object {\"type\": \"bundle\", \"id\": …, \"objects\": […]}"_s);
        return false;
    }
    QJsonObject bundle = doc.object();
    const QString topType = bundle.value(u"type"_s).toString();
    QString idType;
    if (topType != u"bundle"_s && Stix::isIdentifier(bundle.value(u"id"_s).toString(), &idType) && idType == topType) {
        // One STIX object on its own: read as a bundle of one, so that its problems are named.
        m_single = true;
        m_out.notes << u"The file holds one STIX %1 object, not a bundle; it was read as a bundle of one."_s.arg(
            topType);
        m_bundleId = u"(none)"_s;
        m_version = bundle.value(u"spec_version"_s).toString() == u"2.0"_s ? u"2.0"_s : u"2.1"_s;
        bundle = QJsonObject {{u"type"_s, u"bundle"_s}, {u"objects"_s, QJsonArray {bundle}}};
    } else {
        if (topType != u"bundle"_s) {
            error(u"type"_s, u"a STIX file must be a bundle: \"type\" must be \"bundle\""_s);
            return false;
        }
        m_bundleId = bundle.value(u"id"_s).toString();
        QString type;
        if (!Stix::isIdentifier(m_bundleId, &type) || type != u"bundle"_s) {
            error(u"id"_s,
                  u"the bundle's id must be \"bundle--\" followed by a UUID, e.g. "
                  "\"bundle--0f8fad5b-d9cb-469f-a165-70867728950e\""_s);
        }
        const QJsonValue version = bundle.value(u"spec_version"_s);
        if (version.isUndefined()) {
            m_version = u"2.1"_s; // 2.1 bundles have no spec_version; 2.0 bundles must give one
        } else if (version.toString() == u"2.0"_s) {
            m_version = u"2.0"_s;
        } else if (version.toString() == u"2.1"_s) {
            m_version = u"2.1"_s; // not in the 2.1 specification, but some tools write it
        } else {
            error(u"spec_version"_s,
                  u"a bundle's spec_version is \"2.0\" (STIX 2.0); STIX 2.1 bundles leave it out (or say \"2.1\")"_s);
        }
    }
    // A bundle has these properties and no others; a misspelt "objects" would otherwise read as an
    // empty bundle without a word.
    if (!m_single) {
        for (auto it = bundle.constBegin(); it != bundle.constEnd(); ++it) {
            const QString key = it.key();
            if (key != u"type"_s && key != u"id"_s && key != u"spec_version"_s && key != u"objects"_s) {
                warning(key,
                        u"a bundle has only \"type\", \"id\", \"objects\" (and in STIX 2.0 "
                        "\"spec_version\"); this property was ignored"_s);
            }
        }
    }
    const QJsonValue objects = bundle.value(u"objects"_s);
    if (objects.isUndefined()) {
        m_out.notes << u"The bundle has no \"objects\": there is nothing in it to read."_s;
    }
    if (!objects.isUndefined() && !objects.isArray()) {
        error(u"objects"_s, u"must be an array of STIX objects"_s);
        return false;
    }
    const QJsonArray arr = objects.toArray();
    QHash<QString, qsizetype> firstAt; // id -> bundle index
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr[i].isObject()) {
            error(at(i), u"each entry of \"objects\" must be a JSON object"_s);
            continue;
        }
        const QJsonObject o = arr[i].toObject();
        const qsizetype before = m_out.problems.size();
        validateObject(i, o);
        if (hasErrors(m_out.problems.mid(before))) {
            continue;
        }
        const QString id = o.value(u"id"_s).toString();
        if (firstAt.contains(id)) {
            const qsizetype k = firstAt.value(id);
            const qsizetype pos = m_byId.value(id);
            const QJsonObject &other = m_objects[pos];
            if (other == o) {
                warning(at(i),
                        u"the same object as objects[%1] (id %2), listed twice; it is read once"_s.arg(k).arg(id));
                continue;
            }
            const QString m1 = other.value(u"modified"_s).toString();
            const QString m2 = o.value(u"modified"_s).toString();
            if (!m1.isEmpty() && !m2.isEmpty() && m1 != m2) {
                // Two versions of one object: STIX allows them; the newer one counts.
                if (Stix::parseTimestamp(m2) > Stix::parseTimestamp(m1)) {
                    m_objects[pos] = o;
                    m_indexes[pos] = i;
                }
                m_out.notes << u"%1 holds two versions of %2; the one modified last was read"_s.arg(at(i), id);
                continue;
            }
            error(sub(at(i), u"id"_s),
                  u"the id %1 is also used by objects[%2] with different content and the same \"modified\"; every "
                  "object needs its own id (a new version of an object must change \"modified\")"_s.arg(id)
                      .arg(k));
            continue;
        }
        firstAt.insert(id, i);
        m_byId.insert(id, m_objects.size());
        m_objects.append(o);
        m_indexes.append(i);
    }
    if (hasErrors(m_out.problems)) {
        return false;
    }
    // References to objects the bundle does not hold: the claim they would make cannot be placed.
    for (qsizetype p = 0; p < m_objects.size(); ++p) {
        const QJsonObject &o = m_objects[p];
        if (o.value(u"type"_s).toString() != u"relationship"_s) {
            continue;
        }
        for (const QString &key : {u"source_ref"_s, u"target_ref"_s}) {
            const QString ref = o.value(key).toString();
            if (!m_byId.contains(ref)) {
                warning(sub(at(m_indexes[p]), key),
                        u"refers to %1, which is not in this bundle; the relationship is left out (add the object "
                        "to the bundle to keep it)"_s.arg(ref));
            }
        }
    }
    return true;
}

void StixImporter::validateObject(qsizetype i, const QJsonObject &o)
{
    static const QRegularExpression typePattern(u"^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$"_s);
    const QString type = o.value(u"type"_s).toString();
    if (!o.value(u"type"_s).isString()) {
        error(sub(at(i), u"type"_s), u"is required: the object's type as a string, e.g. \"intrusion-set\""_s);
        return;
    }
    if (!typePattern.match(type).hasMatch()) {
        error(sub(at(i), u"type"_s),
              u"\"%1\" is not a STIX type name (3-250 characters: a-z, 0-9 and hyphens)"_s.arg(type));
        return;
    }
    QString idType;
    const QString id = o.value(u"id"_s).toString();
    if (!o.value(u"id"_s).isString()) {
        error(sub(at(i), u"id"_s), u"is required: \"%1--\" followed by a UUID"_s.arg(type));
        return;
    }
    if (!Stix::isIdentifier(id, &idType) || idType != type) {
        error(sub(at(i), u"id"_s),
              u"\"%1\" is not a STIX identifier: it must be \"%2--\" followed by a UUID, e.g. "
              "\"%2--0f8fad5b-d9cb-469f-a165-70867728950e\""_s.arg(id, type));
        return;
    }
    const QJsonValue sv = o.value(u"spec_version"_s);
    QString version = m_version;
    if (sv.isUndefined()) {
        if (m_version != u"2.0"_s) {
            error(sub(at(i), u"spec_version"_s),
                  u"is required in STIX 2.1 objects; add \"spec_version\": \"2.1\" (or, for a STIX 2.0 bundle, "
                  "\"spec_version\": \"2.0\" on the bundle)"_s);
        }
    } else if (sv.toString() == u"2.1"_s || sv.toString() == u"2.0"_s) {
        version = sv.toString();
    } else {
        error(sub(at(i), u"spec_version"_s), u"must be \"2.1\" or \"2.0\""_s);
    }
    const bool observable = stixIsObservable(type);
    if (!observable) {
        if (!o.contains(u"created"_s)) {
            error(sub(at(i), u"created"_s),
                  u"is required: when the object was created, e.g. \"2016-05-12T08:17:27.000Z\""_s);
        }
        if (type != u"marking-definition"_s && !o.contains(u"modified"_s)) {
            error(sub(at(i), u"modified"_s),
                  u"is required: when this version of the object was made, e.g. \"2016-05-12T08:17:27.000Z\" "
                  "(the same as \"created\" for a first version)"_s);
        }
    }
    for (const QString &key : stixTimestampKeys()) {
        if (!o.contains(key)) {
            continue;
        }
        const QJsonValue v = o.value(key);
        if (!v.isString() || !Stix::parseTimestamp(v.toString()).isValid()) {
            error(sub(at(i), key), u"is not an RFC 3339 timestamp such as \"2016-05-12T08:17:27.000Z\""_s);
        }
    }
    const QDateTime created = Stix::parseTimestamp(o.value(u"created"_s).toString());
    const QDateTime modified = Stix::parseTimestamp(o.value(u"modified"_s).toString());
    if (created.isValid() && modified.isValid() && modified < created) {
        error(sub(at(i), u"modified"_s),
              u"%1 is earlier than \"created\" (%2); an object cannot be modified before it "
              "was created: make \"modified\" the same as or later than \"created\""_s.arg(
                  o.value(u"modified"_s).toString(), o.value(u"created"_s).toString()));
    }
    const QDateTime firstSeen = Stix::parseTimestamp(o.value(u"first_seen"_s).toString());
    const QDateTime lastSeen = Stix::parseTimestamp(o.value(u"last_seen"_s).toString());
    if (firstSeen.isValid() && lastSeen.isValid() && lastSeen < firstSeen) {
        error(sub(at(i), u"last_seen"_s), u"is earlier than \"first_seen\"; swap them or correct one"_s);
    }
    if (type == u"relationship"_s) {
        if (!o.value(u"relationship_type"_s).isString()) {
            error(sub(at(i), u"relationship_type"_s), u"is required, e.g. \"attributed-to\""_s);
        }
        for (const QString &key : {u"source_ref"_s, u"target_ref"_s}) {
            if (!Stix::isIdentifier(o.value(key).toString())) {
                error(sub(at(i), key), u"is required: the id of a STIX object (\"type--UUID\")"_s);
            }
        }
    }
    if (o.contains(u"created_by_ref"_s) && !Stix::isIdentifier(o.value(u"created_by_ref"_s).toString())) {
        error(sub(at(i), u"created_by_ref"_s), u"must be the id of an identity (\"identity--UUID\")"_s);
    }
    Q_UNUSED(version)
}

void StixImporter::readOwn()
{
    // The items our export wrote, read back with the case reader from the case-format fragments.
    QJsonObject root;
    QJsonArray sources, actors, events, claims, disagreements;
    QList<qsizetype> sourceAt, actorAt, eventAt, claimAt, disagreementAt;
    QSet<QString> referenceOnly;
    for (qsizetype p = 0; p < m_objects.size(); ++p) {
        const QJsonObject &o = m_objects[p];
        if (o.contains(StixOwnCase)) {
            const QJsonObject c = o.value(StixOwnCase).toObject();
            for (const QString &key : {u"id"_s, u"title"_s, u"description"_s}) {
                if (c.contains(key)) {
                    root.insert(key, c.value(key));
                }
            }
            // Actors the export wrote no object for (the placeholder for an author a bundle did not name).
            for (const QJsonValue &v : c.value(u"actors_without_object"_s).toArray()) {
                actors.append(v);
                actorAt.append(p);
            }
        }
        if (o.contains(StixOwnSource)) {
            QJsonObject s = o.value(StixOwnSource).toObject();
            if (!s.contains(u"text"_s)) {
                // No text travelled: the source comes back as a reference only, its SHA-256 naming the
                // text held elsewhere; the reader keeps the hash and gives its citations that status.
                referenceOnly.insert(s.value(u"id"_s).toString());
                s.remove(u"path"_s);
                s.insert(u"referenceOnly"_s, true);
            }
            sources.append(s);
            sourceAt.append(p);
        }
        if (o.contains(StixOwnActor)) {
            actors.append(o.value(StixOwnActor));
            actorAt.append(p);
            m_actorOf.insert(o.value(u"id"_s).toString(), o.value(StixOwnActor).toObject().value(u"id"_s).toString());
        }
        if (o.contains(StixOwnEvent)) {
            events.append(o.value(StixOwnEvent));
            eventAt.append(p);
            m_eventOf.insert(o.value(u"id"_s).toString(), o.value(StixOwnEvent).toObject().value(u"id"_s).toString());
        }
        if (o.contains(StixOwnClaim)) {
            claims.append(o.value(StixOwnClaim));
            claimAt.append(p);
            m_claimOf.insert(o.value(u"id"_s).toString(), o.value(StixOwnClaim).toObject().value(u"id"_s).toString());
        }
        if (o.contains(StixOwnDisagreement)) {
            disagreements.append(o.value(StixOwnDisagreement));
            disagreementAt.append(p);
        }
    }
    for (qsizetype p = 0; p < m_objects.size(); ++p) {
        // An identity that speaks for one of our actors stands for that actor.
        const QJsonObject &o = m_objects[p];
        const QString speaksFor = o.value(u"x_attribution_timeline_speaks_for"_s).toString();
        if (!speaksFor.isEmpty() && m_actorOf.contains(speaksFor)) {
            m_actorOf.insert(o.value(u"id"_s).toString(), m_actorOf.value(speaksFor));
        }
    }
    root.insert(u"format"_s, QString(CaseReader::FormatId));
    root.insert(u"version"_s, CaseReader::FormatVersion);
    if (!root.contains(u"title"_s)) {
        root.insert(u"title"_s, QFileInfo(m_file).fileName());
    }
    root.insert(u"sources"_s, sources);
    root.insert(u"actors"_s, actors);
    root.insert(u"events"_s, events);
    root.insert(u"claims"_s, claims);
    root.insert(u"disagreements"_s, disagreements);
    const CaseLoad load = CaseReader::readData(QJsonDocument(root).toJson(QJsonDocument::Compact), m_file, QString());
    // The reader's paths name the case's arrays; point them at the STIX objects that hold the items.
    static const QRegularExpression listPath(u"^(sources|actors|events|claims|disagreements)\\[(\\d+)\\](.*)$"_s);
    for (const Problem &problem : load.problems) {
        if (!problem.isError()) {
            continue; // warnings come again, with their fixes, when the converted case is read as a case
        }
        QString path = problem.path;
        const QRegularExpressionMatch m = listPath.match(path);
        if (m.hasMatch()) {
            const QString list = m.captured(1);
            const qsizetype n = m.captured(2).toLongLong();
            const QList<qsizetype> &where = list == u"sources"_s ? sourceAt
                : list == u"actors"_s                            ? actorAt
                : list == u"events"_s                            ? eventAt
                : list == u"claims"_s                            ? claimAt
                                                                 : disagreementAt;
            const QLatin1StringView property = list == u"sources"_s ? StixOwnSource
                : list == u"actors"_s                               ? StixOwnActor
                : list == u"events"_s                               ? StixOwnEvent
                : list == u"claims"_s                               ? StixOwnClaim
                                                                    : StixOwnDisagreement;
            if (n >= 0 && n < where.size()) {
                path = sub(at(m_indexes[where[n]]), property + m.captured(3));
            }
        }
        error(path, problem.message);
    }
    if (!load.ok()) {
        return;
    }
    m_out.kase = load.kase;
    m_out.notes << u"The bundle was exported by Attribution Timeline: its case was read back from the "
                   "x_attribution_timeline_* properties (%1, %2, %3, %4)."_s.arg(
                       stixPlural(m_out.kase.actors.size(), u"actor"_s, u"actors"_s),
                       stixPlural(m_out.kase.events.size(), u"event"_s, u"events"_s),
                       stixPlural(m_out.kase.claims.size(), u"claim"_s, u"claims"_s),
                       stixPlural(m_out.kase.sources.size(), u"source"_s, u"sources"_s));
    if (!referenceOnly.isEmpty()) {
        m_out.notes << u"%1 came without their texts (the export left them out): they are references only, and "
                       "their citations keep their quotes but cannot be checked against a text."_s.arg(
                           stixPlural(referenceOnly.size(), u"source"_s, u"sources"_s));
    }
}

QString StixImporter::nameOf(const QString &stixId) const
{
    const auto it = m_byId.constFind(stixId);
    if (it == m_byId.constEnd()) {
        return stixId;
    }
    const QJsonObject &o = m_objects[*it];
    QString name = o.value(u"name"_s).toString();
    if (name.isEmpty()) {
        name = stixId;
    }
    for (const QJsonValue &ref : o.value(u"external_references"_s).toArray()) {
        const QString ext = ref.toObject().value(u"external_id"_s).toString();
        if (!ext.isEmpty()) {
            return name + u" ("_s + o.value(u"type"_s).toString() + u' ' + ext + u')';
        }
    }
    return name;
}

QString StixImporter::actorForIdentity(const QString &stixId)
{
    if (stixId.isEmpty()) {
        const QString unnamed = Stix::UnnamedProducerId.toString();
        if (!m_out.kase.actor(unnamed)) {
            Actor a;
            a.id = unnamed;
            a.name = u"Not named in the STIX bundle"_s;
            a.kind = u"unknown"_s;
            a.description = u"The bundle does not say who makes these claims (their relationships have no "
                            "created_by_ref)."_s;
            m_out.kase.actors.append(a);
        }
        ++m_unnamedClaims;
        return unnamed;
    }
    if (m_actorOf.contains(stixId)) {
        return m_actorOf.value(stixId);
    }
    if (!m_out.kase.actor(stixId)) {
        Actor a;
        a.id = stixId;
        a.name = u"Producer not in this bundle ("_s + stixId + u')';
        a.kind = u"unknown"_s;
        a.description = u"The bundle names this identity as the author but does not hold it."_s;
        m_out.kase.actors.append(a);
    }
    m_actorOf.insert(stixId, stixId);
    return stixId;
}

QString StixImporter::sourceForReference(const QJsonObject &ref, const QStringList &objectNames)
{
    const QString name = ref.value(u"source_name"_s).toString();
    const QString url = ref.value(u"url"_s).toString();
    const QString externalId = ref.value(u"external_id"_s).toString();
    const QString description = ref.value(u"description"_s).toString();
    QString hash = ref.value(u"hashes"_s).toObject().value(u"SHA-256"_s).toString().toLower();
    static const QRegularExpression hex64(u"^[0-9a-f]{64}$"_s);
    if (!hex64.match(hash).hasMatch()) {
        hash.clear();
    }
    if (url.isEmpty() && hash.isEmpty() && externalId.isEmpty() && objectNames.contains(name)) {
        ++m_skippedAliasReferences; // ATT&CK's way of citing an alias: it names no article
        return {};
    }
    const QString key = !url.isEmpty() ? QString(u"url:"_s + url)
        : !hash.isEmpty()              ? QString(u"sha256:"_s + hash)
                                       : QString(u"name:"_s + name + u'\n' + externalId);
    if (m_sourceByKey.contains(key)) {
        return m_out.kase.sources[m_sourceByKey.value(key)].id;
    }
    Source s;
    s.id = u"ref-"_s + sha256Hex(key).left(16);
    s.title = name;
    if (!externalId.isEmpty()) {
        s.title += u' ' + externalId;
    }
    if (!description.isEmpty()) {
        s.title += u": "_s + description;
    }
    s.url = url;
    s.sha256 = hash;
    s.referenceOnly = true;
    m_sourceByKey.insert(key, m_out.kase.sources.size());
    m_out.kase.sources.append(s);
    ++m_referenceSources;
    return s.id;
}

void StixImporter::referencesOf(const QJsonObject &o)
{
    if (o.contains(StixOwnRole)) {
        return; // our own export's references are its citations, already read back
    }
    QStringList names {o.value(u"name"_s).toString()};
    for (const QJsonValue &v : o.value(u"aliases"_s).toArray()) {
        names << v.toString();
    }
    for (const QJsonValue &v : o.value(u"external_references"_s).toArray()) {
        sourceForReference(v.toObject(), names);
    }
}

void StixImporter::relationshipClaim(const QJsonObject &o)
{
    const QString type = o.value(u"relationship_type"_s).toString();
    const QString from = o.value(u"source_ref"_s).toString();
    const QString to = o.value(u"target_ref"_s).toString();
    if (!m_byId.contains(from) || !m_byId.contains(to)) {
        ++m_droppedRelationships; // already warned about
        return;
    }
    const bool fromActor = m_actorOf.contains(from);
    const bool toActor = m_actorOf.contains(to);
    const bool fromEvent = m_eventOf.contains(from);
    if (!fromActor && !toActor && !fromEvent) {
        leftOut(u"relationship ("_s + type + u", between objects the case leaves out)"_s);
        return;
    }
    Claim c;
    c.id = o.value(u"id"_s).toString();
    c.attributorId = actorForIdentity(o.value(u"created_by_ref"_s).toString());
    if (fromEvent) {
        c.eventId = m_eventOf.value(from);
    }
    if (type == u"attributed-to"_s) {
        c.subjectId = toActor ? m_actorOf.value(to) : QString();
        c.statement = nameOf(from) + u" is attributed to "_s + nameOf(to);
    } else if (type == u"uses"_s) {
        c.subjectId = fromActor ? m_actorOf.value(from) : QString();
        c.statement = nameOf(from) + u" uses "_s + nameOf(to);
    } else {
        c.subjectId = fromActor ? m_actorOf.value(from) : QString();
        c.statement = nameOf(from) + u" targets "_s + nameOf(to);
    }
    const QString description = o.value(u"description"_s).toString();
    if (!description.isEmpty()) {
        c.statement += u" — "_s + description;
    }
    if (o.value(u"confidence"_s).isDouble()) {
        // A number is not a wording: the claim's confidence wording stays empty, the number is said.
        c.statement += u" (STIX confidence %1 of 100)"_s.arg(o.value(u"confidence"_s).toInt());
    }
    referencesOf(o);
    notKept(o, {u"relationship_type", u"source_ref", u"target_ref", u"confidence"});
    m_claimOf.insert(c.id, c.id);
    m_out.kase.claims.append(c);
    // The timeline shows the actor on the campaign, in the role the relationship gives it.
    if (fromEvent && toActor && (type == u"attributed-to"_s || type == u"targets"_s)) {
        for (Event &e : m_out.kase.events) {
            if (e.id == c.eventId) {
                const Actor *author = m_out.kase.actor(c.attributorId);
                const QString role = type == u"targets"_s
                    ? u"target"_s
                    : u"attributed to (per "_s + (author ? author->name : c.attributorId) + u')';
                e.participants.append(Participant {m_actorOf.value(to), role});
            }
        }
    }
}

void StixImporter::notKept(const QJsonObject &o, std::initializer_list<QStringView> kept)
{
    static const QStringList everyObject {u"type"_s,
                                          u"id"_s,
                                          u"spec_version"_s,
                                          u"created"_s,
                                          u"modified"_s,
                                          u"created_by_ref"_s,
                                          u"external_references"_s,
                                          u"name"_s,
                                          u"description"_s};
    const QString type = o.value(u"type"_s).toString();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const QString key = it.key();
        if (!everyObject.contains(key) && std::find(kept.begin(), kept.end(), QStringView(key)) == kept.end()) {
            ++m_notKept[type + u' ' + key];
        }
    }
}

void StixImporter::opinionClaim(const QJsonObject &o)
{
    const QString opinion = o.value(u"opinion"_s).toString();
    QStringList disputes;
    for (const QJsonValue &v : o.value(u"object_refs"_s).toArray()) {
        if (m_claimOf.contains(v.toString())) {
            disputes << m_claimOf.value(v.toString());
        }
    }
    if ((opinion != u"disagree"_s && opinion != u"strongly-disagree"_s) || disputes.isEmpty()) {
        leftOut(u"opinion"_s);
        return;
    }
    Claim c;
    c.id = o.value(u"id"_s).toString();
    c.attributorId = actorForIdentity(o.value(u"created_by_ref"_s).toString());
    const QString explanation = o.value(u"explanation"_s).toString();
    c.statement = (explanation.isEmpty() ? u"Disputes the claims it refers to"_s : explanation) + u" (STIX opinion: "_s
        + opinion + u')';
    c.disputes = disputes;
    notKept(o, {u"opinion", u"explanation", u"object_refs"});
    m_out.kase.claims.append(c);
}

void StixImporter::readForeign()
{
    const QString provenanceNote
        = u"From the STIX object's timestamps. A timestamp on 1 January is read as its year and one on the 1st of a "
          "month as its month: tools write the first instant of a period they know only roughly, so a bare "
          "timestamp is not taken as evidence of the day. A last_seen at the last second of 31 December is read "
          "as its year, at the last second of a month as its month; any other last_seen by the same rules as a "
          "start, so one at the start of a year names that year (the period that holds the instant)."_s;
    auto isOwn = [](const QJsonObject &o) { return o.contains(StixOwnRole); };
    // Actors first, so that relationships and authors find them.
    for (const QJsonObject &o : std::as_const(m_objects)) {
        const QString type = o.value(u"type"_s).toString();
        if (isOwn(o) || (type != u"intrusion-set"_s && type != u"threat-actor"_s && type != u"identity"_s)) {
            continue;
        }
        Actor a;
        a.id = o.value(u"id"_s).toString();
        a.name = o.value(u"name"_s).toString().trimmed();
        if (a.name.isEmpty()) {
            a.name = u"Unnamed "_s + type + u" ("_s + a.id + u')';
        }
        if (type == u"intrusion-set"_s) {
            a.kind = u"group"_s;
        } else if (type == u"threat-actor"_s) {
            a.kind = u"threat actor"_s;
        } else {
            static const QHash<QString, QString> classes {
                {u"individual"_s, u"person"_s},
                {u"group"_s, u"group of people"_s},
                {u"organization"_s, u"organization"_s},
                {u"class"_s, u"class"_s},
                {u"system"_s, u"system"_s},
            };
            a.kind = classes.value(o.value(u"identity_class"_s).toString(), u"unknown"_s);
        }
        a.description = o.value(u"description"_s).toString();
        for (const QJsonValue &v : o.value(u"aliases"_s).toArray()) {
            const QString alias = v.toString().trimmed();
            if (!alias.isEmpty() && alias != a.name
                && std::none_of(a.aliases.cbegin(), a.aliases.cend(),
                                [&](const Alias &x) { return x.name == alias; })) {
                a.aliases.append(Alias {alias, {}, {}});
            }
        }
        referencesOf(o);
        notKept(o, {u"aliases", u"identity_class"});
        m_actorOf.insert(a.id, a.id);
        m_out.kase.actors.append(a);
    }
    for (const QJsonObject &o : std::as_const(m_objects)) {
        const QString type = o.value(u"type"_s).toString();
        if (isOwn(o)) {
            continue;
        }
        if (type == u"campaign"_s) {
            Event e;
            e.id = o.value(u"id"_s).toString();
            e.title = o.value(u"name"_s).toString().trimmed();
            if (e.title.isEmpty()) {
                e.title = u"Unnamed campaign ("_s + e.id + u')';
            }
            e.category = u"campaign"_s;
            QStringList summary;
            if (!o.value(u"description"_s).toString().isEmpty()) {
                summary << o.value(u"description"_s).toString();
            }
            QStringList aliases;
            for (const QJsonValue &v : o.value(u"aliases"_s).toArray()) {
                aliases << v.toString();
            }
            if (!aliases.isEmpty()) {
                summary << u"Also called: "_s + aliases.join(u", "_s);
            }
            if (!o.value(u"objective"_s).toString().isEmpty()) {
                summary << u"Objective: "_s + o.value(u"objective"_s).toString();
            }
            e.summary = summary.join(u"\n\n"_s);
            const QString first = o.value(u"first_seen"_s).toString();
            const QString last = o.value(u"last_seen"_s).toString();
            const DatePoint start = Stix::datePointFromTimestamp(Stix::parseTimestamp(first));
            const DatePoint end = Stix::datePointFromEndTimestamp(Stix::parseTimestamp(last));
            DateProvenance provenance;
            provenance.kind = DateProvenance::Kind::Inferred;
            if (start.isValid() && end.isValid()) {
                e.date = start == end ? PartialDate(start) : PartialDate::range(start, end);
                e.date.setQualifier(u"first seen – last seen"_s);
                provenance.referenceNote
                    = u"first_seen "_s + first + u", last_seen "_s + last + u". "_s + provenanceNote;
            } else if (start.isValid()) {
                e.date = PartialDate::openEnd(start);
                e.date.setQualifier(u"first seen; last seen not given"_s);
                provenance.referenceNote = u"first_seen "_s + first + u". "_s + provenanceNote;
            } else if (end.isValid()) {
                e.date = PartialDate::openStart(end);
                e.date.setQualifier(u"last seen; first seen not given"_s);
                provenance.referenceNote = u"last_seen "_s + last + u". "_s + provenanceNote;
            } else {
                // No time at all: the campaign was described by the time the object was created.
                const QString created = o.value(u"created"_s).toString();
                e.date = PartialDate::openStart(Stix::datePointFromTimestamp(Stix::parseTimestamp(created)));
                e.date.setQualifier(u"no later than the STIX object's creation; no first or last seen given"_s);
                provenance.referenceNote = u"created "_s + created + u". "_s + provenanceNote;
            }
            e.date.setProvenance(provenance);
            referencesOf(o);
            notKept(o, {u"aliases", u"objective", u"first_seen", u"last_seen"});
            m_eventOf.insert(e.id, e.id);
            m_out.kase.events.append(e);
        } else if (type == u"report"_s) {
            // A report is a publication: a source the case names without holding its text.
            Source s;
            s.id = o.value(u"id"_s).toString();
            s.title = o.value(u"name"_s).toString();
            s.published = Stix::datePointFromTimestamp(Stix::parseTimestamp(o.value(u"published"_s).toString()));
            const QString author = o.value(u"created_by_ref"_s).toString();
            if (m_byId.contains(author)) {
                s.publisher = m_objects[m_byId.value(author)].value(u"name"_s).toString();
            }
            for (const QJsonValue &v : o.value(u"external_references"_s).toArray()) {
                const QString url = v.toObject().value(u"url"_s).toString();
                if (!url.isEmpty()) {
                    s.url = url;
                    break;
                }
            }
            s.referenceOnly = true;
            m_out.kase.sources.append(s);
            ++m_referenceSources;
            referencesOf(o);
            notKept(o, {u"published", u"object_refs"});
        }
    }
    for (const QJsonObject &o : std::as_const(m_objects)) {
        if (isOwn(o) || o.value(u"type"_s).toString() != u"relationship"_s) {
            continue;
        }
        const QString type = o.value(u"relationship_type"_s).toString();
        if (type == u"attributed-to"_s || type == u"uses"_s || type == u"targets"_s) {
            relationshipClaim(o);
        } else {
            leftOut(u"relationship ("_s + type + u')');
        }
    }
    for (const QJsonObject &o : std::as_const(m_objects)) {
        const QString type = o.value(u"type"_s).toString();
        if (isOwn(o)) {
            continue;
        }
        if (type == u"opinion"_s) {
            opinionClaim(o);
        } else if (type != u"intrusion-set"_s && type != u"threat-actor"_s && type != u"identity"_s
                   && type != u"campaign"_s && type != u"report"_s && type != u"relationship"_s) {
            leftOut(type);
        }
    }
}

Conversion StixImporter::run()
{
    if (!validate()) {
        return std::move(m_out);
    }
    const bool ownExport = std::any_of(m_objects.cbegin(), m_objects.cend(),
                                       [](const QJsonObject &o) { return o.contains(StixOwnRole); });
    if (ownExport) {
        readOwn();
        if (hasErrors(m_out.problems)) {
            m_out.kase = Case {};
            return std::move(m_out);
        }
    }
    const qsizetype ownClaims = m_out.kase.claims.size();
    const qsizetype ownActors = m_out.kase.actors.size();
    const qsizetype ownEvents = m_out.kase.events.size();
    const qsizetype ownSources = m_out.kase.sources.size();
    readForeign();
    if (m_out.kase.title.isEmpty()) {
        QStringList reports;
        for (const QJsonObject &o : std::as_const(m_objects)) {
            if (o.value(u"type"_s).toString() == u"report"_s) {
                reports << o.value(u"name"_s).toString();
            }
        }
        m_out.kase.title = reports.size() == 1 && !reports.first().trimmed().isEmpty()
            ? reports.first()
            : u"STIX bundle "_s + QFileInfo(m_file).fileName();
        m_out.kase.description
            = u"Imported from the STIX %1 bundle %2 (%3)."_s.arg(m_version, QFileInfo(m_file).fileName(), m_bundleId);
    }
    const qsizetype actors = m_out.kase.actors.size() - ownActors;
    const qsizetype events = m_out.kase.events.size() - ownEvents;
    const qsizetype claims = m_out.kase.claims.size() - ownClaims;
    const qsizetype sources = m_out.kase.sources.size() - ownSources;
    if (actors + events + claims + sources > 0 || !ownExport) {
        m_out.notes << u"Read from the STIX %1 bundle (%2): %3, %4 from campaigns, %5 from relationships and "
                       "opinions, %6 (reports and external references, without their texts)."_s.arg(
                           m_version, stixPlural(m_objects.size(), u"object"_s, u"objects"_s),
                           stixPlural(actors, u"actor"_s, u"actors"_s), stixPlural(events, u"event"_s, u"events"_s),
                           stixPlural(claims, u"claim"_s, u"claims"_s),
                           stixPlural(sources, u"reference-only source"_s, u"reference-only sources"_s));
    }
    if (m_unnamedClaims > 0) {
        m_out.notes << u"%1 no author in the bundle (no created_by_ref): the attributor is “Not named in the "
                       "STIX bundle”, never a guess."_s.arg(
                           stixPlural(m_unnamedClaims, u"claim has"_s, u"claims have"_s));
    }
    if (events > 0) {
        m_out.notes << u"Campaign dates: a timestamp on 1 January is read as its year and one on the 1st of a month "
                       "as its month; a last_seen at the last second of 31 December as its year and at the last "
                       "second of a month as its month; other timestamps as their day (UTC)."_s;
    }
    if (m_referenceSources > 0) {
        m_out.notes
            << (m_referenceSources == 1
                    ? u"STIX references carry no passages: the source made from them is cited by no item."_s
                    : u"STIX references carry no passages: the %1 sources made from them are cited by no item."_s.arg(
                        m_referenceSources));
    }
    if (m_skippedAliasReferences > 0) {
        m_out.notes << u"%1 only an alias's name and no article (no URL, hash or id); left out."_s.arg(
            stixPlural(m_skippedAliasReferences, u"external reference names"_s, u"external references name"_s));
    }
    if (m_droppedRelationships > 0) {
        m_out.notes << u"%1 to objects not in the bundle; left out."_s.arg(
            stixPlural(m_droppedRelationships, u"relationship refers"_s, u"relationships refer"_s));
    }
    for (auto it = m_leftOut.cbegin(); it != m_leftOut.cend(); ++it) {
        m_out.notes << u"%1 left out: a case has no place for %2."_s.arg(
            stixPlural(it.value(), it.key() + u" object was"_s, it.key() + u" objects were"_s),
            it.value() == 1 ? u"it"_s : u"them"_s);
    }
    if (!m_notKept.isEmpty()) {
        // Named, not silently dropped: what the objects said that a case has no field for.
        constexpr qsizetype Named = 40;
        QStringList named;
        for (auto it = m_notKept.cbegin(); it != m_notKept.cend() && named.size() < Named; ++it) {
            named << u"%1 (%2)"_s.arg(it.key()).arg(it.value());
        }
        QString list = named.join(u", "_s);
        if (m_notKept.size() > Named) {
            list += u" and %1 more"_s.arg(m_notKept.size() - Named);
        }
        m_out.notes << u"Properties of the objects read that a case has no place for were not kept (type, property, "
                       "objects): "_s
                + list + u'.';
    }
    // The case is shown as it is, without the case reader: its quotes from texts it does not hold say so.
    markReferenceOnlyCitations(m_out.kase);
    return std::move(m_out);
}

} // namespace

Conversion caseFromStix(const QByteArray &json, const QString &fileName)
{
    return StixImporter(json, fileName).run();
}

} // namespace AT
