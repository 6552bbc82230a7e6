// The STIX 2.0/2.1 import, on real bundles others wrote (tests/data/reference-data) and on broken ones;
// and the round trip case -> STIX -> case.
#include "builtincase.h"
#include "casereader.h"
#include "casewriter.h"
#include "stixexport.h"
#include "stiximport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AT;
using namespace Qt::StringLiterals;

namespace {

const QString RefData = QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/");

QByteArray readData(const QString &relative)
{
    QFile f(RefData + relative);
    if (!f.open(QIODevice::ReadOnly)) {
        qWarning("cannot read %s", qPrintable(f.fileName()));
        return {};
    }
    return f.readAll();
}

Conversion importFile(const QString &relative)
{
    return caseFromStix(readData(relative), relative.section(u'/', -1));
}

QString problemsText(const QList<Problem> &problems)
{
    QStringList lines;
    for (const Problem &p : problems) {
        lines << p.toString();
    }
    return lines.join(u'\n');
}

const Actor *actorNamed(const Case &kase, const QString &name)
{
    for (const Actor &a : kase.actors) {
        if (a.name == name) {
            return &a;
        }
    }
    return nullptr;
}

QStringList aliasNames(const Actor &a)
{
    QStringList names;
    for (const Alias &alias : a.aliases) {
        names << alias.name;
    }
    return names;
}

// The converted case written as a case file and read back: what the app does with every import.
CaseLoad throughCaseFile(const Case &kase)
{
    return CaseReader::readData(CaseWriter::toJson(kase), u"converted.json"_s, QString());
}

} // namespace

class tst_StixImport : public QObject
{
    Q_OBJECT

private slots:
    void everyValidBundleImports_data();
    void everyValidBundleImports();
    void zirconium();
    void apt1();
    void solarWinds_data();
    void solarWinds();
    void campaignDates_data();
    void campaignDates();
    void invalidFilesAreRejected_data();
    void invalidFilesAreRejected();
    void brokenBundles_data();
    void brokenBundles();
    void danglingReferencesAreWarnings();
    void misspeltBundlePropertiesAreSaid();
    void versionsOfOneObject();
    void roundTripWithTexts();
    void roundTripAsReferences();
    void referenceOnlyRoundTripThroughCaseFile();
    void caseWithReferencesRoundTrip();
};

void tst_StixImport::everyValidBundleImports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("actors");
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("claims");
    QTest::addColumn<QString>("leftOut"); // one of the notes, word for word
    QTest::newRow("MITRE APT31 2.0") << u"mitre-attack/apt31-zirconium-bundle-stix20.json"_s << 2 << 0 << 5
                                     << u"5 attack-pattern objects were left out: a case has no place for them."_s;
    QTest::newRow("MITRE APT31 2.1") << u"mitre-attack/apt31-zirconium-bundle-stix21-derived.json"_s << 2 << 0 << 5
                                     << u"1 marking-definition object was left out: a case has no place for it."_s;
    QTest::newRow("MITRE ZIRCONIUM alone")
        << u"mitre-attack/intrusion-set--4283ae19-69c7-4347-a35e-b56f08eb660b.json"_s << 1 << 0 << 0 << QString();
    QTest::newRow("SolarWinds 2.0") << u"second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix20.json"_s << 2 << 1
                                    << 1 << u"1 marking-definition object was left out: a case has no place for it."_s;
    QTest::newRow("SolarWinds 2.1") << u"second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix21-derived.json"_s
                                    << 2 << 1 << 1
                                    << u"1 marking-definition object was left out: a case has no place for it."_s;
    // 5 threat actors + 1 intrusion set + 4 identities + "not named" for the author the bundle does not name;
    // 7 attributed-to and 4 uses from an actor (the other 12 uses and 7 indicates are between objects a case
    // leaves out).
    QTest::newRow("OASIS APT1") << u"oasis-stix21/apt1.json"_s << 11 << 0 << 11
                                << u"12 indicator objects were left out: a case has no place for them."_s;
    QTest::newRow("OASIS campaigns") << u"oasis-stix21/defining-campaigns-threat-actors-intrusion-sets.json"_s << 5 << 2
                                     << 17
                                     << u"2 attack-pattern objects were left out: a case has no place for them."_s;
    QTest::newRow("OASIS threat actor profile")
        << u"oasis-stix21/identifying-a-threat-actor-profile.json"_s << 3 << 0 << 1 << QString();
    QTest::newRow("OASIS attack patterns and malware")
        << u"oasis-stix21/threat-actor-leveraging-attack-patterns-and-malware.json"_s << 3 << 0 << 3
        << u"1 malware object was left out: a case has no place for it."_s;
}

void tst_StixImport::everyValidBundleImports()
{
    QFETCH(QString, file);
    QFETCH(int, actors);
    QFETCH(int, events);
    QFETCH(int, claims);
    QFETCH(QString, leftOut);
    const Conversion c = importFile(file);
    QVERIFY2(!hasErrors(c.problems), qPrintable(problemsText(c.problems)));
    QCOMPARE(c.kase.actors.size(), actors);
    QCOMPARE(c.kase.events.size(), events);
    QCOMPARE(c.kase.claims.size(), claims);
    if (!leftOut.isEmpty()) {
        QVERIFY2(c.notes.contains(leftOut), qPrintable(c.notes.join(u'\n')));
    }
    QVERIFY(!c.kase.title.isEmpty());
    // Every claim names who makes it; none is invented.
    for (const Claim &claim : c.kase.claims) {
        QVERIFY(c.kase.actor(claim.attributorId));
        QVERIFY(claim.confidence.isEmpty()); // no verbatim wording in these bundles
    }
    for (const Source &s : c.kase.sources) {
        QVERIFY(s.referenceOnly);
        QVERIFY(s.text.isEmpty());
    }
}

void tst_StixImport::zirconium()
{
    const Conversion c = importFile(u"mitre-attack/apt31-zirconium-bundle-stix20.json"_s);
    const Actor *z = actorNamed(c.kase, u"ZIRCONIUM"_s);
    QVERIFY(z);
    QCOMPARE(z->kind, u"group"_s);
    QCOMPARE(aliasNames(*z), (QStringList {u"APT31"_s, u"Violet Typhoon"_s}));
    const Actor *mitre = actorNamed(c.kase, u"The MITRE Corporation"_s);
    QVERIFY(mitre);
    QCOMPARE(mitre->kind, u"organization"_s);
    for (const Claim &claim : c.kase.claims) {
        QCOMPARE(claim.attributorId, mitre->id); // created_by_ref
        QCOMPARE(claim.subjectId, z->id);
        QVERIFY2(claim.statement.startsWith(u"ZIRCONIUM (intrusion-set G0128) uses "_s), qPrintable(claim.statement));
    }
    bool spearphishing = false;
    for (const Claim &claim : c.kase.claims) {
        spearphishing |= claim.statement.contains(u"Spearphishing Link (attack-pattern T1566.002)"_s);
    }
    QVERIFY(spearphishing);
    // ATT&CK's own page for the group is a reference-only source with its URL.
    bool page = false;
    for (const Source &s : c.kase.sources) {
        page |= s.url == u"https://attack.mitre.org/groups/G0128"_s;
    }
    QVERIFY(page);
}

void tst_StixImport::apt1()
{
    const Conversion c = importFile(u"oasis-stix21/apt1.json"_s);
    const Actor *apt1 = actorNamed(c.kase, u"APT1"_s);
    QVERIFY(apt1);
    QCOMPARE(aliasNames(*apt1), (QStringList {u"Comment Crew"_s, u"Comment Group"_s, u"Shady Rat"_s}));
    const Actor *unit = actorNamed(c.kase, u"Unit 61398"_s);
    QVERIFY(unit);
    QCOMPARE(unit->kind, u"threat actor"_s);
    QCOMPARE(actorNamed(c.kase, u"Wang Dong"_s)->kind, u"person"_s);
    // What a case has no field for is named, not dropped without a word (the journalist review found
    // APT1's first_seen and the threat actors' roles gone silently).
    QVERIFY2(c.notes.contains(u"Properties of the objects read that a case has no place for were not kept (type, "
                              "property, objects): identity contact_information (4), identity sectors (4), "
                              "intrusion-set first_seen (1), intrusion-set primary_motivation (1), intrusion-set "
                              "resource_level (1), report report_types (1), threat-actor primary_motivation (5), "
                              "threat-actor resource_level (5), threat-actor roles (5), threat-actor sophistication "
                              "(1), threat-actor threat_actor_types (5)."_s),
             qPrintable(c.notes.join(u'\n')));
    // APT1 is attributed to Unit 61398; the bundle does not say by whom, and the case says so.
    const Claim *toUnit = nullptr;
    for (const Claim &claim : c.kase.claims) {
        if (claim.subjectId == unit->id && claim.statement.startsWith(u"APT1 is attributed to"_s)) {
            toUnit = &claim;
        }
    }
    QVERIFY(toUnit);
    QCOMPARE(c.kase.actor(toUnit->attributorId)->name, u"Not named in the STIX bundle"_s);
    QVERIFY(c.notes.contains(u"11 claims have no author in the bundle (no created_by_ref): the attributor is “Not "
                             "named in the STIX bundle”, never a guess."_s));
    // The report is a publication: a reference-only source with its date.
    const Source *report = c.kase.source(u"report--e33ffe07-2f4c-48d8-b0af-ee2619d765cf");
    QVERIFY(report);
    QCOMPARE(report->title, u"APT1: Exposing One of China's Cyber Espionage Units"_s);
    QCOMPARE(report->published, DatePoint::fromDate(2013, 2, 19));
    QVERIFY(report->referenceOnly);
    for (const QString &note : {u"12 indicator objects were left out: a case has no place for them."_s,
                                u"6 malware objects were left out: a case has no place for them."_s,
                                u"10 tool objects were left out: a case has no place for them."_s,
                                u"7 attack-pattern objects were left out: a case has no place for them."_s}) {
        QVERIFY2(c.notes.contains(note), qPrintable(c.notes.join(u'\n')));
    }
}

void tst_StixImport::solarWinds_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("2.0") << u"second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix20.json"_s;
    QTest::newRow("2.1") << u"second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix21-derived.json"_s;
}

void tst_StixImport::solarWinds()
{
    QFETCH(QString, file);
    const Conversion c = importFile(file);
    QVERIFY2(!hasErrors(c.problems), qPrintable(problemsText(c.problems)));
    QCOMPARE(c.kase.events.size(), 1);
    const Event &e = c.kase.events.first();
    QCOMPARE(e.title, u"SolarWinds Compromise"_s);
    QCOMPARE(e.category, u"campaign"_s);
    // first_seen 2019-08-01T05:00Z and last_seen 2021-01-01T06:00Z: the 1st of a month is read as the month,
    // 1 January as the year; a bare timestamp is not evidence of the day. The last_seen is no end-of-period
    // instant, so it is read by the start rules: the year 2021, the period that holds the instant (an end
    // "in 2021"), never "2020", which would put the end before the instant the bundle gives.
    QCOMPARE(e.date.start().firstDay(), QDate(2019, 8, 1));
    QCOMPARE(e.date.start().precision(), DatePoint::Precision::Month);
    QCOMPARE(e.date.end().firstDay(), QDate(2021, 1, 1));
    QCOMPARE(e.date.end().precision(), DatePoint::Precision::Year);
    QCOMPARE(e.date.provenance().kind, DateProvenance::Kind::Inferred);
    QVERIFY(e.date.provenance().referenceNote.contains(u"2019-08-01T05:00:00.000Z"_s));
    const Actor *apt29 = actorNamed(c.kase, u"APT29"_s);
    QVERIFY(apt29);
    QVERIFY(aliasNames(*apt29).contains(u"Cozy Bear"_s));
    QVERIFY(aliasNames(*apt29).contains(u"Midnight Blizzard"_s));
    QCOMPARE(c.kase.claims.size(), 1);
    const Claim &claim = c.kase.claims.first();
    QCOMPARE(claim.eventId, e.id);
    QCOMPARE(claim.subjectId, apt29->id);
    QCOMPARE(c.kase.actor(claim.attributorId)->name, u"The MITRE Corporation"_s);
    QVERIFY(claim.statement.startsWith(
        u"SolarWinds Compromise (campaign C0024) is attributed to APT29 (intrusion-set G0016)"_s));
    QCOMPARE(e.participants.size(), 1);
    QCOMPARE(e.participants.first().actorId, apt29->id);
    // References deduplicated by URL: the campaign and the relationship share Mandiant's article.
    int mandiant = 0;
    for (const Source &s : c.kase.sources) {
        mandiant += s.url == u"https://www.mandiant.com/resources/blog/unc2452-merged-into-apt29"_s;
    }
    QCOMPARE(mandiant, 1);
}

void tst_StixImport::campaignDates_data()
{
    QTest::addColumn<QString>("firstSeen");
    QTest::addColumn<QString>("lastSeen");
    QTest::addColumn<QString>("start"); // the event's date, ISO
    QTest::addColumn<QString>("end"); // empty for a point date

    // Ends at the last instant of their period, as our export and careful tools write them.
    QTest::newRow("years") << u"2021-01-01T00:00:00.000Z"_s << u"2022-12-31T23:59:59.999Z"_s << u"2021"_s << u"2022"_s;
    QTest::newRow("one year") << u"2018-01-01T00:00:00Z"_s << u"2018-12-31T23:59:59Z"_s << u"2018"_s << QString();
    QTest::newRow("months") << u"2019-08-01T00:00:00.000Z"_s << u"2024-03-31T23:59:59.999Z"_s << u"2019-08"_s
                            << u"2024-03"_s;
    QTest::newRow("leap February") << u"2024-02-01T00:00:00.000Z"_s << u"2024-02-29T23:59:59.999Z"_s << u"2024-02"_s
                                   << QString();
    QTest::newRow("one day") << u"2024-03-25T00:00:00.000Z"_s << u"2024-03-25T23:59:59.999Z"_s << u"2024-03-25"_s
                             << QString();
    QTest::newRow("days") << u"2024-03-05T00:00:00.000Z"_s << u"2024-03-26T23:59:59.999Z"_s << u"2024-03-05"_s
                          << u"2024-03-26"_s;
    // An end at a period's first instant (as we wrote them before, and as many tools do): read by the start
    // rules, as the period that holds the instant.
    QTest::newRow("end at a year's start")
        << u"2021-01-01T00:00:00.000Z"_s << u"2022-01-01T00:00:00.000Z"_s << u"2021"_s << u"2022"_s;
    QTest::newRow("end mid-day") << u"2024-03-05T00:00:00.000Z"_s << u"2024-03-26T14:00:00.000Z"_s << u"2024-03-05"_s
                                 << u"2024-03-26"_s;
}

void tst_StixImport::campaignDates()
{
    QFETCH(QString, firstSeen);
    QFETCH(QString, lastSeen);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QJsonObject campaign {
        {u"type"_s, u"campaign"_s},
        {u"spec_version"_s, u"2.1"_s},
        {u"id"_s, u"campaign--8c6af861-7b20-41ef-9b59-6344fd872a8f"_s},
        {u"created"_s, u"2024-04-01T00:00:00.000Z"_s},
        {u"modified"_s, u"2024-04-01T00:00:00.000Z"_s},
        {u"name"_s, u"C"_s},
        {u"first_seen"_s, firstSeen},
        {u"last_seen"_s, lastSeen},
    };
    const QJsonObject bundle {{u"type"_s, u"bundle"_s},
                              {u"id"_s, u"bundle--9b1e6a4e-3c1f-4a53-9d0e-2f4c8a7b6d10"_s},
                              {u"objects"_s, QJsonArray {campaign}}};
    const Conversion c = caseFromStix(QJsonDocument(bundle).toJson(), u"c.json"_s);
    QVERIFY2(!hasErrors(c.problems), qPrintable(problemsText(c.problems)));
    QCOMPARE(c.kase.events.size(), 1);
    const PartialDate &d = c.kase.events.first().date;
    QCOMPARE(d.start().toIsoString(), start);
    QCOMPARE(d.end().isValid() ? d.end().toIsoString() : QString(), end);
    QVERIFY(!d.isOpenEnd() && !d.isOpenStart());
}

void tst_StixImport::invalidFilesAreRejected_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("problem");
    QTest::newRow("missing modified")
        << u"oasis-stix21/invalid/invalid_identity.json"_s
        << u"invalid_identity.json: modified: error: is required: when this version of the object was made, e.g. "
           "\"2016-05-12T08:17:27.000Z\" (the same as \"created\" for a first version)"_s;
    QTest::newRow("modified before created")
        << u"oasis-stix21/invalid/invalid_timestamp.json"_s
        << u"invalid_timestamp.json: modified: error: 2015-08-08T15:50:10.983Z is earlier than \"created\" "
           "(2016-08-08T15:50:10.983Z); an object cannot be modified before it was created: make \"modified\" the "
           "same as or later than \"created\""_s;
    QTest::newRow("duplicate ids")
        << u"oasis-stix21/invalid/defining-campaigns-threat-actors-intrusion-sets.stix20-duplicate-ids.json"_s
        << u"defining-campaigns-threat-actors-intrusion-sets.stix20-duplicate-ids.json: objects[23].id: error: the id "
           "relationship--f9d2f337-bf47-40d2-8afd-908d4e366572 is also used by objects[21] with different content and "
           "the same \"modified\"; every object needs its own id (a new version of an object must change "
           "\"modified\")"_s;
}

void tst_StixImport::invalidFilesAreRejected()
{
    QFETCH(QString, file);
    QFETCH(QString, problem);
    const Conversion c = importFile(file);
    QVERIFY(hasErrors(c.problems));
    QVERIFY2(problemsText(c.problems).split(u'\n').contains(problem), qPrintable(problemsText(c.problems)));
    QVERIFY(c.kase.actors.isEmpty());
}

void tst_StixImport::brokenBundles_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("problem");
    const QByteArray identity
        = R"({"type": "identity", "spec_version": "2.1", "id": "identity--8c6af861-7b20-41ef-9b59-6344fd872a8f",
        "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "X"})";
    auto bundleOf = [](const QByteArray &object) -> QByteArray {
        return R"({"type": "bundle", "id": "bundle--9b1e6a4e-3c1f-4a53-9d0e-2f4c8a7b6d10", "objects": [)" + object
            + "]}";
    };
    QTest::newRow("not JSON")
        << QByteArray("{\"type\": \"bundle\",")
        << u"b.json:1:18: error: not valid JSON (unterminated object); fix the JSON (a STIX bundle is one JSON "
           "object)"_s;
    QTest::newRow("not an object")
        << QByteArray("[1]")
        << u"b.json: error: the top level must be a JSON object {\"type\": \"bundle\", \"id\": …, \"objects\": […]}"_s;
    QTest::newRow("not a bundle") << QByteArray(
        R"({"type": "report"})") << u"b.json: type: error: a STIX file must be a bundle: \"type\" must be \"bundle\""_s;
    QTest::newRow("bad bundle id")
        << QByteArray(R"({"type": "bundle", "id": "bundle--1", "objects": []})")
        << u"b.json: id: error: the bundle's id must be \"bundle--\" followed by a UUID, e.g. "
           "\"bundle--0f8fad5b-d9cb-469f-a165-70867728950e\""_s;
    QTest::newRow("object id of another type")
        << bundleOf(QByteArray(identity).replace("\"id\": \"identity--", "\"id\": \"campaign--"))
        << u"b.json: objects[0].id: error: \"campaign--8c6af861-7b20-41ef-9b59-6344fd872a8f\" is not a STIX "
           u"identifier: "
           "it must be \"identity--\" followed by a UUID, e.g. \"identity--0f8fad5b-d9cb-469f-a165-70867728950e\""_s;
    QTest::newRow("no spec_version in 2.1") << bundleOf(QByteArray(identity).replace("\"spec_version\": \"2.1\",", ""))
                                            << u"b.json: objects[0].spec_version: error: is required in STIX 2.1 "
                                               u"objects; add \"spec_version\": \"2.1\" (or, "
                                               "for a STIX 2.0 bundle, \"spec_version\": \"2.0\" on the bundle)"_s;
    QTest::newRow("timestamp not RFC 3339")
        << bundleOf(
               QByteArray(identity).replace("\"2016-08-08T15:50:10.983Z\", \"name\"", "\"2016-08-08 15:50\", \"name\""))
        << u"b.json: objects[0].modified: error: is not an RFC 3339 timestamp such as \"2016-05-12T08:17:27.000Z\""_s;
    QTest::newRow("missing created")
        << bundleOf(QByteArray(identity).replace("\"created\": \"2016-08-08T15:50:10.983Z\",", ""))
        << u"b.json: objects[0].created: error: is required: when the object was created, e.g. "
           "\"2016-05-12T08:17:27.000Z\""_s;
    QTest::newRow("entry not an object") << bundleOf(
        "42") << u"b.json: objects[0]: error: each entry of \"objects\" must be a JSON object"_s;
}

void tst_StixImport::brokenBundles()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, problem);
    const Conversion c = caseFromStix(json, u"b.json"_s);
    QVERIFY2(problemsText(c.problems).split(u'\n').contains(problem), qPrintable(problemsText(c.problems)));
    QVERIFY(hasErrors(c.problems));
}

void tst_StixImport::danglingReferencesAreWarnings()
{
    const QByteArray json = R"({"type": "bundle", "id": "bundle--9b1e6a4e-3c1f-4a53-9d0e-2f4c8a7b6d10", "objects": [
        {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--8c6af861-7b20-41ef-9b59-6344fd872a8f",
         "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "G"},
        {"type": "relationship", "spec_version": "2.1", "id": "relationship--8c6af861-7b20-41ef-9b59-6344fd872a8f",
         "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "relationship_type": "attributed-to",
         "source_ref": "intrusion-set--8c6af861-7b20-41ef-9b59-6344fd872a8f",
         "target_ref": "threat-actor--0f8fad5b-d9cb-469f-a165-70867728950e"}]})";
    const Conversion c = caseFromStix(json, u"b.json"_s);
    QVERIFY(!hasErrors(c.problems));
    QCOMPARE(problemsText(c.problems),
             u"b.json: objects[1].target_ref: warning: refers to threat-actor--0f8fad5b-d9cb-469f-a165-70867728950e, "
             "which is not in this bundle; the relationship is left out (add the object to the bundle to keep it)"_s);
    QCOMPARE(c.kase.claims.size(), 0);
    QCOMPARE(c.kase.actors.size(), 1);
}

void tst_StixImport::misspeltBundlePropertiesAreSaid()
{
    // Found by fuzz_interchange: "o]bjects" read as an empty bundle without a word.
    const QByteArray json
        = R"({"type": "bundle", "id": "bundle--9b1e6a4e-3c1f-4a53-9d0e-2f4c8a7b6d10", "o]bjects": []})";
    const Conversion c = caseFromStix(json, u"b.json"_s);
    QVERIFY(!hasErrors(c.problems));
    QCOMPARE(problemsText(c.problems),
             u"b.json: o]bjects: warning: a bundle has only \"type\", \"id\", \"objects\" (and in STIX 2.0 "
             "\"spec_version\"); this property was ignored"_s);
    QVERIFY(c.notes.contains(u"The bundle has no \"objects\": there is nothing in it to read."_s));
}

void tst_StixImport::versionsOfOneObject()
{
    const QByteArray json = R"({"type": "bundle", "id": "bundle--9b1e6a4e-3c1f-4a53-9d0e-2f4c8a7b6d10", "objects": [
        {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--8c6af861-7b20-41ef-9b59-6344fd872a8f",
         "created": "2016-08-08T15:50:10.983Z", "modified": "2017-01-01T00:00:00.000Z", "name": "New name"},
        {"type": "intrusion-set", "spec_version": "2.1", "id": "intrusion-set--8c6af861-7b20-41ef-9b59-6344fd872a8f",
         "created": "2016-08-08T15:50:10.983Z", "modified": "2016-08-08T15:50:10.983Z", "name": "Old name"}]})";
    const Conversion c = caseFromStix(json, u"b.json"_s);
    QVERIFY2(!hasErrors(c.problems), qPrintable(problemsText(c.problems)));
    QCOMPARE(c.kase.actors.size(), 1);
    QCOMPARE(c.kase.actors.first().name, u"New name"_s);
}

void tst_StixImport::roundTripWithTexts()
{
    const CaseLoad original = CaseReader::readFile(builtinCasePath());
    QVERIFY(original.ok());
    const Conversion back = caseFromStix(stixBundle(original.kase, {{}, true}), u"builtin.stix.json"_s);
    QVERIFY2(!hasErrors(back.problems), qPrintable(problemsText(back.problems)));
    const Case &k = back.kase;
    QCOMPARE(k.title, original.kase.title);
    QCOMPARE(k.description, original.kase.description);
    QCOMPARE(k.actors, original.kase.actors); // every actor, alias (with who uses it and its quotes), tie
    QCOMPARE(k.events, original.kase.events);
    QCOMPARE(k.claims, original.kase.claims); // wording, attributor, disputes
    QCOMPARE(k.disagreements, original.kase.disagreements);
    QCOMPARE(k.sources.size(), original.kase.sources.size());
    for (qsizetype i = 0; i < k.sources.size(); ++i) {
        QCOMPARE(k.sources[i].id, original.kase.sources[i].id);
        QCOMPARE(k.sources[i].title, original.kase.sources[i].title);
        QCOMPARE(k.sources[i].text, original.kase.sources[i].text);
        QCOMPARE(k.sources[i].sha256, original.kase.sources[i].sha256);
        QVERIFY(!k.sources[i].referenceOnly);
    }
    // Written as a case file and read back: a valid case whose every citation anchors.
    const CaseLoad again = throughCaseFile(k);
    QVERIFY2(again.ok() && again.problems.isEmpty(), qPrintable(problemsText(again.problems)));
    qsizetype anchored = 0;
    again.kase.forEachCitation([&](const Citation &c) { anchored += c.anchor == Citation::Anchor::Exact; });
    qsizetype all = 0;
    again.kase.forEachCitation([&](const Citation &) { ++all; });
    QCOMPARE(anchored, all);
}

void tst_StixImport::roundTripAsReferences()
{
    const CaseLoad original = CaseReader::readFile(builtinCasePath());
    const Conversion back = caseFromStix(stixBundle(original.kase), u"builtin.stix.json"_s);
    QVERIFY2(!hasErrors(back.problems), qPrintable(problemsText(back.problems)));
    QCOMPARE(back.kase.actors, original.kase.actors);
    QCOMPARE(back.kase.claims, original.kase.claims);
    QCOMPARE(back.kase.events, original.kase.events);
    QCOMPARE(back.kase.disagreements, original.kase.disagreements);
    for (qsizetype i = 0; i < back.kase.sources.size(); ++i) {
        const Source &s = back.kase.sources[i];
        QVERIFY(s.referenceOnly);
        QVERIFY(s.text.isEmpty());
        QCOMPARE(s.title, original.kase.sources[i].title);
        QCOMPARE(s.sha256, original.kase.sources[i].sha256); // names the text held elsewhere
    }
    QVERIFY2(back.notes.contains(u"5 sources came without their texts (the export left them out): they are references "
                                 "only, and their citations keep their quotes but cannot be checked against a text."_s),
             qPrintable(back.notes.join(u'\n')));
}

void tst_StixImport::referenceOnlyRoundTripThroughCaseFile()
{
    // Imported sources without text are reference-only sources in the case format ("referenceOnly": true).
    const Conversion c = importFile(u"second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix21-derived.json"_s);
    QVERIFY(!c.kase.sources.isEmpty());
    const QByteArray written = CaseWriter::toJson(c.kase);
    const QJsonObject firstSource
        = QJsonDocument::fromJson(written).object().value(u"sources"_s).toArray().first().toObject();
    QCOMPARE(firstSource.value(u"referenceOnly"_s), QJsonValue(true));
    QVERIFY(!firstSource.contains(u"text"_s));
    const CaseLoad load = throughCaseFile(c.kase);
    const QString text = problemsText(load.problems);
    QVERIFY2(load.ok(), qPrintable(text));
    QCOMPARE(load.kase.actors, c.kase.actors);
    QCOMPARE(load.kase.claims, c.kase.claims);
    QCOMPARE(load.kase.sources.size(), c.kase.sources.size());
    for (const Source &s : load.kase.sources) {
        QVERIFY(s.referenceOnly);
    }
    const CaseLoad apt1 = throughCaseFile(importFile(u"oasis-stix21/apt1.json"_s).kase);
    QVERIFY2(apt1.ok(), qPrintable(problemsText(apt1.problems)));
}

// A case that already has reference-only sources (their citations without positions) goes out to
// STIX and comes back: the references stay references with their hashes, every quote is kept, a
// position the case gave is kept as given, and each citation of a reference says so.
void tst_StixImport::caseWithReferencesRoundTrip()
{
    const CaseLoad original = CaseReader::readFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-only.json"));
    QVERIFY2(original.ok(), qPrintable(problemsText(original.problems)));
    StixExportOptions options;
    options.includeSourceTexts = true;
    const Conversion back = caseFromStix(stixBundle(original.kase, options), u"refs.stix.json"_s);
    QVERIFY2(!hasErrors(back.problems), qPrintable(problemsText(back.problems)));
    QCOMPARE(back.kase.sources.size(), 3);
    QVERIFY(!back.kase.sources[0].referenceOnly);
    QCOMPARE(back.kase.sources[0].text, original.kase.sources[0].text);
    for (qsizetype i = 1; i < 3; ++i) {
        QVERIFY(back.kase.sources[i].referenceOnly);
        QVERIFY(back.kase.sources[i].text.isEmpty());
        QCOMPARE(back.kase.sources[i].sha256, original.kase.sources[i].sha256);
    }
    QCOMPARE(back.kase.events, original.kase.events); // quotes and positions, as given
    QCOMPARE(back.kase.claims, original.kase.claims);
    QCOMPARE(back.kase.events[0].citations[0].anchor, Citation::Anchor::Exact);
    QCOMPARE(back.kase.events[0].citations[1].anchor, Citation::Anchor::ReferenceOnly);
    QCOMPARE(back.kase.events[1].citations[0].anchor, Citation::Anchor::ReferenceOnly);
    QCOMPARE(back.kase.claims[0].citations[0].anchor, Citation::Anchor::ReferenceOnly);

    // Without the texts every source comes back as a reference, and every citation says so.
    const Conversion bare = caseFromStix(stixBundle(original.kase), u"refs.stix.json"_s);
    QVERIFY2(!hasErrors(bare.problems), qPrintable(problemsText(bare.problems)));
    bare.kase.forEachCitation([](const Citation &c) { QCOMPARE(c.anchor, Citation::Anchor::ReferenceOnly); });
    QCOMPARE(bare.kase.sources[0].sha256, sha256Hex(original.kase.sources[0].text));
    const CaseLoad again = throughCaseFile(bare.kase);
    QVERIFY2(again.ok() && again.problems.isEmpty(), qPrintable(problemsText(again.problems)));
}

QTEST_GUILESS_MAIN(tst_StixImport)
#include "tst_stiximport.moc"
