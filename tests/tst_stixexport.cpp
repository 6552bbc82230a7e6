// The STIX 2.1 export: what each part of a case becomes, stable ids, the confidence table, hostile text.
// The bundles written here are validated against the OASIS JSON Schemas by the stix_schema_validation
// test (tests/stix_validate.py), which runs after this one.
#include "builtincase.h"
#include "casereader.h"
#include "stixcommon.h"
#include "stixexport.h"
#include "stiximport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace AT;
using namespace Qt::StringLiterals;

namespace {

const QDateTime FixedTime(QDate(2024, 4, 1), QTime(12, 0), Qt::UTC);

Case builtIn()
{
    const CaseLoad load = CaseReader::readFile(builtinCasePath());
    Q_ASSERT(load.ok());
    return load.kase;
}

QJsonArray objectsOf(const QByteArray &bundle)
{
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(bundle, &e);
    if (e.error != QJsonParseError::NoError) {
        qWarning("not JSON: %s", qPrintable(e.errorString()));
        return {};
    }
    return doc.object().value(u"objects"_s).toArray();
}

// The object whose x_attribution_timeline_<kind> fragment has the given id.
QJsonObject objectFor(const QJsonArray &objects, const QString &kind, const QString &itemId)
{
    for (const QJsonValue &v : objects) {
        const QJsonObject o = v.toObject();
        if (o.value(u"x_attribution_timeline_"_s + kind).toObject().value(u"id"_s).toString() == itemId) {
            return o;
        }
    }
    return {};
}

QJsonObject objectById(const QJsonArray &objects, const QString &id)
{
    for (const QJsonValue &v : objects) {
        if (v.toObject().value(u"id"_s).toString() == id) {
            return v.toObject();
        }
    }
    return {};
}

void writeForValidation(const QString &name, const QByteArray &bundle)
{
    QDir().mkpath(QStringLiteral(AT_STIX_OUT_DIR));
    QFile f(QStringLiteral(AT_STIX_OUT_DIR) + u'/' + name);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bundle), bundle.size());
}

QStringList idsOf(const QByteArray &bundle)
{
    QStringList ids;
    for (const QJsonValue &v : objectsOf(bundle)) {
        ids << v.toObject().value(u"id"_s).toString();
    }
    return ids;
}

} // namespace

class tst_StixExport : public QObject
{
    Q_OBJECT

private slots:
    void builtInCaseMapping();
    void partialDatesKeepTheirPrecision();
    void claimsDisputesAndNotes();
    void onlyAttributionsAreAttributedTo();
    void importedIdsAreKept();
    void confidenceFromAppendixA_data();
    void confidenceFromAppendixA();
    void idsAreStable();
    void hostileCaseIsData();
    void importedBundleExports();
    void bundlesForSchemaValidation();
};

void tst_StixExport::builtInCaseMapping()
{
    const Case kase = builtIn();
    const QByteArray bundle = stixBundle(kase, {FixedTime, false});
    const QJsonObject top = QJsonDocument::fromJson(bundle).object();
    QCOMPARE(top.value(u"type"_s).toString(), u"bundle"_s);
    QVERIFY(Stix::isIdentifier(top.value(u"id"_s).toString()));
    const QJsonArray objects = objectsOf(bundle);

    // The case is one report that names every other object.
    const QJsonObject report = objects.first().toObject();
    QCOMPARE(report.value(u"type"_s).toString(), u"report"_s);
    QCOMPARE(report.value(u"name"_s).toString(), kase.title);
    QCOMPARE(report.value(u"object_refs"_s).toArray().size(), objects.size() - 1);
    QCOMPARE(report.value(u"published"_s).toString(), u"2024-04-01T12:00:00.000Z"_s);

    // Sources: the article as its publisher's identity; the built-in case knows no publisher.
    const QJsonObject s000 = objectFor(objects, u"source"_s, u"s000"_s);
    QCOMPARE(s000.value(u"type"_s).toString(), u"identity"_s);
    QCOMPARE(s000.value(u"identity_class"_s).toString(), u"unknown"_s);
    QVERIFY(s000.value(u"name"_s).toString().contains(u"not named in the case"_s));
    const QJsonObject ref = s000.value(u"external_references"_s).toArray().first().toObject();
    QCOMPARE(ref.value(u"source_name"_s).toString(), kase.source(u"s000")->title);
    QCOMPARE(ref.value(u"hashes"_s).toObject().value(u"SHA-256"_s).toString(), kase.source(u"s000")->sha256);
    QVERIFY(!ref.contains(u"url"_s)); // unknown stays unknown
    QVERIFY(!s000.value(u"x_attribution_timeline_source"_s).toObject().contains(u"text"_s));

    // Actors by kind, with their aliases.
    const QJsonObject apt31 = objectFor(objects, u"actor"_s, u"apt31"_s);
    QCOMPARE(apt31.value(u"type"_s).toString(), u"intrusion-set"_s);
    QCOMPARE(apt31.value(u"name"_s).toString(), u"APT31"_s);
    const QJsonArray aliases = apt31.value(u"aliases"_s).toArray();
    QVERIFY(aliases.contains(u"Zirconium"_s));
    QVERIFY(aliases.contains(u"Violet Typhoon"_s));
    QVERIFY(apt31.contains(u"external_references"_s)); // the quotes that name it
    QCOMPARE(objectFor(objects, u"actor"_s, u"mss"_s).value(u"identity_class"_s).toString(), u"organization"_s);
    QCOMPARE(objectFor(objects, u"actor"_s, u"monaco"_s).value(u"identity_class"_s).toString(), u"individual"_s);
    QCOMPARE(objectFor(objects, u"actor"_s, u"seven-hackers"_s).value(u"identity_class"_s).toString(), u"group"_s);

    // Every citation is an external reference: the quote as its description and the article's hash.
    int quotes = 0;
    for (const QJsonValue &v : objects) {
        for (const QJsonValue &r : v.toObject().value(u"external_references"_s).toArray()) {
            const QString d = r.toObject().value(u"description"_s).toString();
            if (d == u"The announcement, made on Monday, March 25, 2024"_s) {
                ++quotes;
                QCOMPARE(r.toObject().value(u"hashes"_s).toObject().value(u"SHA-256"_s).toString(),
                         kase.source(u"s000")->sha256);
            }
        }
    }
    QVERIFY(quotes > 5);

    // Events: adversary activity as campaigns, the rest as reports published on their day.
    QCOMPARE(objectFor(objects, u"event"_s, u"ev-2018-opinion-firm"_s).value(u"type"_s).toString(), u"campaign"_s);
    const QJsonObject sanctions = objectFor(objects, u"event"_s, u"ev-2024-03-25-us-sanctions"_s);
    QCOMPARE(sanctions.value(u"type"_s).toString(), u"report"_s);
    QCOMPARE(sanctions.value(u"published"_s).toString(), u"2024-03-25T00:00:00.000Z"_s);
    QVERIFY(sanctions.value(u"object_refs"_s)
                .toArray()
                .contains(objectFor(objects, u"actor"_s, u"wuhan-xrz"_s).value(u"id"_s)));

    // Every object a report names is in the bundle.
    for (const QJsonValue &v : objects) {
        for (const QJsonValue &r : v.toObject().value(u"object_refs"_s).toArray()) {
            QVERIFY2(!objectById(objects, r.toString()).isEmpty(), qPrintable(r.toString()));
        }
    }
}

void tst_StixExport::partialDatesKeepTheirPrecision()
{
    const QJsonArray objects = objectsOf(stixBundle(builtIn(), {FixedTime, false}));
    const QJsonObject y2018 = objectFor(objects, u"event"_s, u"ev-2018-opinion-firm"_s);
    // A point date of year precision is its whole year: first_seen at its first instant, last_seen at its last.
    QCOMPARE(y2018.value(u"first_seen"_s).toString(), u"2018-01-01T00:00:00.000Z"_s);
    QCOMPARE(y2018.value(u"last_seen"_s).toString(), u"2018-12-31T23:59:59.999Z"_s);
    QCOMPARE(y2018.value(u"x_attribution_timeline_date"_s).toObject().value(u"start_precision"_s).toString(),
             u"year"_s);
    const QJsonObject ec = objectFor(objects, u"event"_s, u"ev-2021-22-electoral-commission"_s);
    QCOMPARE(ec.value(u"first_seen"_s).toString(), u"2021-01-01T00:00:00.000Z"_s);
    // "2021–22" ends at the end of 2022, not on 1 January 2022.
    QCOMPARE(ec.value(u"last_seen"_s).toString(), u"2022-12-31T23:59:59.999Z"_s);
    // An open start: no first_seen, the end as last_seen (the end of its day), the whole date in x_.
    const QJsonObject campaign = objectFor(objects, u"event"_s, u"ev-campaign"_s);
    QCOMPARE(campaign.value(u"type"_s).toString(), u"campaign"_s);
    QVERIFY(!campaign.contains(u"first_seen"_s));
    QCOMPARE(campaign.value(u"last_seen"_s).toString(), u"2024-03-25T23:59:59.999Z"_s);
    QVERIFY(campaign.value(u"x_attribution_timeline_date"_s).toObject().value(u"open_start"_s).toBool());
    // Its end is exact, its start unknown: nothing approximate, no "c.".
    QCOMPARE(campaign.value(u"x_attribution_timeline_date"_s).toObject().value(u"display"_s).toString(),
             u"\u2026 \u2013 25 Mar 2024"_s);
    QCOMPARE(campaign.value(u"x_attribution_timeline_date"_s).toObject().value(u"approximate_end"_s),
             QJsonValue(false));
    const QJsonObject date = campaign.value(u"x_attribution_timeline_event"_s).toObject().value(u"date"_s).toObject();
    QCOMPARE(date.value(u"provenance"_s).toObject().value(u"kind"_s).toString(), u"inferred"_s);
    const QJsonObject month = objectFor(objects, u"event"_s, u"ev-2024-02-volt-typhoon"_s);
    QCOMPARE(month.value(u"published"_s).toString(), u"2024-02-01T00:00:00.000Z"_s);
    QCOMPARE(month.value(u"x_attribution_timeline_date"_s).toObject().value(u"start_precision"_s).toString(),
             u"month"_s);

    // Campaign dates of every precision and shape (a report's published is one instant: the start).
    Case kase = builtIn();
    const auto dated = [&](const PartialDate &date) {
        for (Event &e : kase.events) {
            if (e.id == u"ev-2018-opinion-firm"_s) {
                e.date = date;
            }
        }
        return objectFor(objectsOf(stixBundle(kase, {FixedTime, false})), u"event"_s, u"ev-2018-opinion-firm"_s);
    };
    QJsonObject o = dated(PartialDate(DatePoint::fromYearMonth(2024, 2)));
    QCOMPARE(o.value(u"first_seen"_s).toString(), u"2024-02-01T00:00:00.000Z"_s);
    QCOMPARE(o.value(u"last_seen"_s).toString(), u"2024-02-29T23:59:59.999Z"_s);
    o = dated(PartialDate(DatePoint::fromDate(2024, 3, 25)));
    QCOMPARE(o.value(u"first_seen"_s).toString(), u"2024-03-25T00:00:00.000Z"_s);
    QCOMPARE(o.value(u"last_seen"_s).toString(), u"2024-03-25T23:59:59.999Z"_s);
    o = dated(PartialDate::range(DatePoint::fromYearMonth(2019, 8), DatePoint::fromYearMonth(2024, 3)));
    QCOMPARE(o.value(u"first_seen"_s).toString(), u"2019-08-01T00:00:00.000Z"_s);
    QCOMPARE(o.value(u"last_seen"_s).toString(), u"2024-03-31T23:59:59.999Z"_s);
    // Approximate at the start only: x_ says which end, and shows "c." before that end alone.
    PartialDate aboutStart = PartialDate::range(DatePoint::fromYear(2010), DatePoint::fromDate(2024, 3, 25));
    aboutStart.setApproximate(PartialDate::Approximate::Start);
    o = dated(aboutStart);
    const QJsonObject aboutInfo = o.value(u"x_attribution_timeline_date"_s).toObject();
    QCOMPARE(aboutInfo.value(u"display"_s).toString(), u"c. 2010 \u2013 25 Mar 2024"_s);
    QCOMPARE(aboutInfo.value(u"approximate_start"_s), QJsonValue(true));
    QCOMPARE(aboutInfo.value(u"approximate_end"_s), QJsonValue(false));
    QCOMPARE(o.value(u"x_attribution_timeline_event"_s).toObject().value(u"date"_s).toObject().value(u"approximate"_s),
             QJsonValue(u"start"_s));
    o = dated(PartialDate::openEnd(DatePoint::fromYear(2018))); // "since 2018": the end stays open
    QCOMPARE(o.value(u"first_seen"_s).toString(), u"2018-01-01T00:00:00.000Z"_s);
    QVERIFY(!o.contains(u"last_seen"_s));
    o = dated(PartialDate::openStart(DatePoint::fromYear(2022)));
    QVERIFY(!o.contains(u"first_seen"_s));
    QCOMPARE(o.value(u"last_seen"_s).toString(), u"2022-12-31T23:59:59.999Z"_s);

    // Another tool reading the export gets the same periods back; our own import reads x_ exactly.
    const Conversion back = caseFromStix(stixBundle(builtIn(), {FixedTime, false}), u"builtin.stix.json"_s);
    QVERIFY(!hasErrors(back.problems));
    QCOMPARE(back.kase.events, builtIn().events);
}

void tst_StixExport::claimsDisputesAndNotes()
{
    Case kase = builtIn();
    kase.claims[0].notes = u"Check the DOJ release."_s;
    const QJsonArray objects = objectsOf(stixBundle(kase, {FixedTime, false}));
    // An attribution: attributed-to from the campaign to the group, authored by the claimant.
    const QJsonObject ncsc = objectFor(objects, u"claim"_s, u"cl-ncsc-ec"_s);
    QCOMPARE(ncsc.value(u"type"_s).toString(), u"relationship"_s);
    QCOMPARE(ncsc.value(u"relationship_type"_s).toString(), u"attributed-to"_s);
    QCOMPARE(ncsc.value(u"source_ref"_s),
             objectFor(objects, u"event"_s, u"ev-2021-22-electoral-commission"_s).value(u"id"_s));
    QCOMPARE(ncsc.value(u"target_ref"_s), objectFor(objects, u"actor"_s, u"ec-entity"_s).value(u"id"_s));
    QCOMPARE(ncsc.value(u"created_by_ref"_s), objectFor(objects, u"actor"_s, u"uk-ncsc"_s).value(u"id"_s));
    QCOMPARE(ncsc.value(u"confidence"_s).toInt(), 90);
    QCOMPARE(ncsc.value(u"x_attribution_timeline_confidence_wording"_s).toString(), u"highly likely"_s);
    QCOMPARE(ncsc.value(u"x_attribution_timeline_confidence_scale"_s).toString(),
             u"STIX 2.1 Appendix A, WEP: Highly likely/Almost Certain"_s);
    QVERIFY(ncsc.value(u"description"_s).toString().contains(u"“highly likely”"_s));
    // Wording on no scale: no number, the words kept.
    const QJsonObject believe = objectFor(objects, u"claim"_s, u"cl-uk-intel-intent"_s);
    QVERIFY(!believe.contains(u"confidence"_s));
    QCOMPARE(believe.value(u"x_attribution_timeline_confidence_wording"_s).toString(), u"believe"_s);
    // A claim the source states flatly has no wording at all.
    const QJsonObject flat = objectFor(objects, u"claim"_s, u"cl-uk-sanctioned-responsible"_s);
    QVERIFY(!flat.contains(u"confidence"_s));
    QVERIFY(!flat.contains(u"x_attribution_timeline_confidence_wording"_s));
    // The researcher's remark about how long the campaign ran is a note, not an attribution by him.
    const QJsonObject covington = objectFor(objects, u"claim"_s, u"cl-covington"_s);
    QCOMPARE(covington.value(u"type"_s).toString(), u"note"_s);
    QVERIFY(covington.value(u"content"_s).toString().startsWith(kase.claim(u"cl-covington"_s)->statement));
    QCOMPARE(covington.value(u"object_refs"_s).toArray().first(),
             objectFor(objects, u"actor"_s, u"apt31"_s).value(u"id"_s));
    QVERIFY(covington.value(u"abstract"_s).toString().contains(u"does not show it as an attribution"_s));
    QCOMPARE(covington.value(u"authors"_s).toArray().first().toString(), u"Michael Covington"_s);
    // A group that speaks gets an identity to author its claims; a claim without an event is a note.
    const QJsonObject hultquist = objectFor(objects, u"claim"_s, u"cl-hultquist"_s);
    QCOMPARE(hultquist.value(u"type"_s).toString(), u"note"_s);
    QCOMPARE(hultquist.value(u"authors"_s).toArray().first().toString(), u"John Hultquist"_s);
    // A denial is an opinion on the claims it disputes.
    const QJsonObject denial = objectFor(objects, u"claim"_s, u"cl-china-denial"_s);
    QCOMPARE(denial.value(u"type"_s).toString(), u"opinion"_s);
    QCOMPARE(denial.value(u"opinion"_s).toString(), u"disagree"_s);
    QCOMPARE(denial.value(u"created_by_ref"_s), objectFor(objects, u"actor"_s, u"china-gov"_s).value(u"id"_s));
    const QJsonArray disputed = denial.value(u"object_refs"_s).toArray();
    QCOMPARE(disputed.size(), kase.claim(u"cl-china-denial"_s)->disputes.size());
    QVERIFY(disputed.contains(objectFor(objects, u"claim"_s, u"cl-us-apt31-backed"_s).value(u"id"_s)));
    QVERIFY(!denial.value(u"explanation"_s).toString().isEmpty());
    // The journalist's note, as a note on the claim, never as what a source says.
    bool found = false;
    for (const QJsonValue &v : objects) {
        const QJsonObject o = v.toObject();
        if (o.value(u"x_attribution_timeline_role"_s).toString() == u"journalist-note"_s) {
            found = true;
            QCOMPARE(o.value(u"content"_s).toString(), u"Check the DOJ release."_s);
            QCOMPARE(o.value(u"object_refs"_s).toArray().first(),
                     objectFor(objects, u"claim"_s, kase.claims[0].id).value(u"id"_s));
            QVERIFY(!o.contains(u"created_by_ref"_s));
        }
    }
    QVERIFY(found);
    // Disputed points are notes on what is part of them, with every version.
    const QJsonObject duration = objectFor(objects, u"disagreement"_s, u"d-duration"_s);
    QCOMPARE(duration.value(u"type"_s).toString(), u"note"_s);
    QVERIFY(duration.value(u"content"_s).toString().contains(u"Version 3: "_s));
}

void tst_StixExport::onlyAttributionsAreAttributedTo()
{
    const Case kase = builtIn();
    const QJsonArray objects = objectsOf(stixBundle(kase, {FixedTime, false}));
    QStringList attributions;
    for (const QJsonValue &v : objects) {
        const QJsonObject o = v.toObject();
        if (o.value(u"relationship_type"_s).toString() == u"attributed-to"_s) {
            attributions << o.value(u"x_attribution_timeline_claim"_s).toObject().value(u"id"_s).toString();
        }
    }
    attributions.sort();
    // The list docs/exchange/stix.md gives, "Which claims are attributions".
    const QStringList expected {
        u"cl-doj-apt31-mss"_s,
        u"cl-london-apt31-lawmakers"_s,
        u"cl-microsoft-wave"_s,
        u"cl-ncsc-ec"_s,
        u"cl-ncsc-ec-stole"_s,
        u"cl-ncsc-recon"_s,
        u"cl-nz-concerns"_s,
        u"cl-nz-parliament"_s,
        u"cl-uk-attributes-ec"_s,
        u"cl-uk-officials-recon"_s,
        u"cl-uk-sanctioned-responsible"_s,
        u"cl-us-apt31-backed"_s,
        u"cl-us-sectors"_s,
        u"cl-us-uk-identify-apt31"_s,
        u"cl-us-uk-millions"_s,
        u"cl-us-uk-state-sponsored"_s,
    };
    QCOMPARE(attributions, expected);
    // Nothing is dropped: every claim has its object, with its statement and wording verbatim.
    for (const Claim &c : kase.claims) {
        const QJsonObject o = objectFor(objects, u"claim"_s, c.id);
        QVERIFY2(!o.isEmpty(), qPrintable(c.id));
        const QString text = o.value(u"description"_s).toString() + o.value(u"content"_s).toString()
            + o.value(u"explanation"_s).toString();
        QVERIFY2(text.contains(c.statement), qPrintable(c.id));
        if (!c.confidence.isEmpty()) {
            QVERIFY2(text.contains(u"“"_s + c.confidence + u"”"_s), qPrintable(c.id));
        }
    }
    // Lisa Monaco, who is no attributor in the case, states the operation's aim: a note.
    QCOMPARE(objectFor(objects, u"claim"_s, u"cl-monaco-aim"_s).value(u"type"_s).toString(), u"note"_s);
    // A claim about a published act (an indictment) stays related-to from its report.
    QCOMPARE(objectFor(objects, u"claim"_s, u"cl-doj-indictment"_s).value(u"relationship_type"_s).toString(),
             u"related-to"_s);

    // The rule, on a made-up case: the subject listed only as a victim is never attributed to; a speaker who
    // attributes nowhere does, when the claim has a confidence wording.
    Case k = kase;
    for (Claim &c : k.claims) {
        if (c.id == u"cl-covington"_s) {
            c.confidence = u"likely"_s;
        }
        if (c.id == u"cl-ncsc-recon"_s) {
            c.subjectId = u"uk-parliamentarians"_s; // a target of that event
        }
    }
    const QJsonArray changed = objectsOf(stixBundle(k, {FixedTime, false}));
    QCOMPARE(objectFor(changed, u"claim"_s, u"cl-covington"_s).value(u"relationship_type"_s).toString(),
             u"attributed-to"_s);
    QCOMPARE(objectFor(changed, u"claim"_s, u"cl-ncsc-recon"_s).value(u"type"_s).toString(), u"note"_s);
}

void tst_StixExport::importedIdsAreKept()
{
    // A bundle imported, made a case and exported again keeps its objects' ids, so that a platform that
    // already has them does not duplicate them.
    const auto objectsIn = [](const QString &file) {
        QFile f(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/") + file);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    };
    const auto exported = [](const QString &file) {
        QFile f(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/") + file);
        if (!f.open(QIODevice::ReadOnly)) {
            return QByteArray();
        }
        const Conversion c = caseFromStix(f.readAll(), f.fileName());
        return hasErrors(c.problems) ? QByteArray() : stixBundle(c.kase, {FixedTime, false});
    };

    const QJsonArray original = objectsIn(u"oasis-stix21/apt1.json"_s).value(u"objects"_s).toArray();
    const QJsonArray again = objectsOf(exported(u"oasis-stix21/apt1.json"_s));
    QVERIFY(!original.isEmpty() && !again.isEmpty());
    int kept = 0;
    for (const QJsonValue &v : original) {
        const QJsonObject o = v.toObject();
        const QString type = o.value(u"type"_s).toString();
        if (type == u"threat-actor"_s || type == u"intrusion-set"_s || type == u"identity"_s) {
            const QJsonObject same = objectById(again, o.value(u"id"_s).toString());
            QVERIFY2(!same.isEmpty(), qPrintable(o.value(u"id"_s).toString()));
            QCOMPARE(same.value(u"name"_s), o.value(u"name"_s));
            ++kept;
        }
    }
    QCOMPARE(kept, 10);
    // The importer's placeholder for "no created_by_ref" is nobody: no identity, no created_by_ref, and the
    // claim's object says that the author is not named.
    int unnamed = 0;
    for (const QJsonValue &v : again) {
        const QJsonObject o = v.toObject();
        QVERIFY(!o.value(u"name"_s).toString().contains(u"Not named in the STIX bundle"_s));
        QVERIFY(!o.contains(u"created_by_ref"_s));
        if (o.value(u"x_attribution_timeline_role"_s).toString() == u"claim"_s) {
            QVERIFY(!o.contains(u"authors"_s));
            QVERIFY(o.value(u"abstract"_s).toString().contains(u"does not name"_s)
                    || o.value(u"description"_s).toString().contains(u"names no author"_s));
            ++unnamed;
        }
    }
    QCOMPARE(unnamed, 11);
    // Read back, the case is the same, the placeholder included (it travels in the case report's x_).
    QFile f(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/oasis-stix21/apt1.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Conversion apt1 = caseFromStix(f.readAll(), f.fileName());
    const Conversion back = caseFromStix(stixBundle(apt1.kase, {FixedTime, false}), u"apt1-again.json"_s);
    QVERIFY2(!hasErrors(back.problems), qPrintable(back.notes.join(u'\n')));
    QCOMPARE(back.kase.actors.size(), apt1.kase.actors.size());
    QVERIFY(back.kase.actor(Stix::UnnamedProducerId.toString()));
    QCOMPARE(back.kase.claims, apt1.kase.claims);

    // SolarWinds: the campaign, the group, MITRE's identity and the attributed-to relationship keep their ids,
    // and the relationship is still authored by MITRE.
    const QByteArray solarWindsBundle
        = exported(u"second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix21-derived.json"_s);
    writeForValidation(u"solarwinds-reexported.stix.json"_s, solarWindsBundle);
    // A case made so that an item's STIX id is also another object's id: nothing is re-used, every id once.
    Case k = builtIn();
    const QString sourceIdentity
        = objectFor(objectsOf(stixBundle(k, {FixedTime, false})), u"source"_s, u"s000"_s).value(u"id"_s).toString();
    k.actors.first().id = sourceIdentity;
    k.actors.first().kind = u"person"_s;
    for (Event &e : k.events) {
        e.participants.clear();
    }
    for (Claim &c : k.claims) {
        c.attributorId = sourceIdentity;
        c.subjectId.clear();
    }
    const QStringList ids = idsOf(stixBundle(k, {FixedTime, false}));
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    QVERIFY(ids.contains(sourceIdentity));
    const QJsonArray solarWinds = objectsOf(solarWindsBundle);
    const QJsonObject rel = objectById(solarWinds, u"relationship--3b2680f0-aa69-4766-ab41-9123373ffa4e"_s);
    QCOMPARE(rel.value(u"relationship_type"_s).toString(), u"attributed-to"_s);
    QCOMPARE(rel.value(u"source_ref"_s).toString(), u"campaign--808d6b30-df4e-4341-8248-724da4bac650"_s);
    QCOMPARE(rel.value(u"target_ref"_s).toString(), u"intrusion-set--899ce53f-13a0-479b-a0e4-67d46e241542"_s);
    QCOMPARE(rel.value(u"created_by_ref"_s).toString(), u"identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5"_s);
    QCOMPARE(objectById(solarWinds, u"identity--c78cb6e5-0c4b-4611-8297-d1b8b55e40b5"_s).value(u"name"_s).toString(),
             u"The MITRE Corporation"_s);
}

void tst_StixExport::confidenceFromAppendixA_data()
{
    QTest::addColumn<QString>("wording");
    QTest::addColumn<QString>("yardstick");
    QTest::addColumn<int>("value"); // -1: no confidence
    QTest::newRow("highly likely") << u"highly likely"_s << QString() << 90;
    QTest::newRow("case and space") << u"  Highly  LIKELY "_s << QString() << 90;
    QTest::newRow("likely on WEP and DNI alike") << u"likely"_s << QString() << 70;
    QTest::newRow("very likely") << u"very likely"_s << QString() << 85;
    QTest::newRow("remote") << u"remote"_s << QString() << 5;
    QTest::newRow("roughly even odds") << u"roughly even odds"_s << QString() << 50;
    QTest::newRow("probably true") << u"probably true"_s << QString() << 70;
    QTest::newRow("admiralty entry") << u"2 - Probably True"_s << QString() << 70;
    QTest::newRow("high") << u"High"_s << QString() << 85;
    QTest::newRow("almost certain: WEP 90, DNI 95") << u"almost certain"_s << QString() << -1;
    QTest::newRow("almost certain on ICD 203") << u"almost certain"_s << u"US ICD 203"_s << 95;
    QTest::newRow("almost certain on WEP") << u"almost certain"_s << u"WEP"_s << 90;
    QTest::newRow("improbable: DNI 30, Admiralty 10") << u"improbable"_s << QString() << -1;
    QTest::newRow("not a term") << u"may have"_s << QString() << -1;
    QTest::newRow("a phrase around a term") << u"we assess it is likely"_s << QString() << -1;
    QTest::newRow("high confidence") << u"high confidence"_s << QString() << -1;
    QTest::newRow("empty") << QString() << QString() << -1;
}

void tst_StixExport::confidenceFromAppendixA()
{
    QFETCH(QString, wording);
    QFETCH(QString, yardstick);
    QFETCH(int, value);
    const auto match = Stix::confidenceFromWording(wording, yardstick);
    QCOMPARE(match ? match->value : -1, value);
}

void tst_StixExport::idsAreStable()
{
    Case kase = builtIn();
    const QByteArray a = stixBundle(kase, {FixedTime, false});
    QCOMPARE(stixBundle(kase, {FixedTime, false}), a); // byte for byte
    const QStringList ids = idsOf(a);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size()); // no id twice
    const QByteArray later = stixBundle(kase, {FixedTime.addDays(30), false});
    QVERIFY(later != a);
    QCOMPARE(idsOf(later), ids); // a later export updates the same objects
    QVERIFY(
        QJsonDocument::fromJson(later).object().value(u"objects"_s).toArray().first().toObject().value(u"modified"_s)
        == u"2024-05-01T12:00:00.000Z"_s);
    // Without a case id the title names the case: retitling changes the ids. With one, it does not.
    Case retitled = kase;
    retitled.title += u" (revised)"_s;
    QVERIFY(idsOf(stixBundle(retitled, {FixedTime, false})).first() != ids.first());
    kase.id = u"0f8fad5b-d9cb-469f-a165-70867728950e"_s;
    retitled.id = kase.id;
    QCOMPARE(idsOf(stixBundle(retitled, {FixedTime, false})), idsOf(stixBundle(kase, {FixedTime, false})));
    QVERIFY(idsOf(stixBundle(kase, {FixedTime, false})) != ids);
    // UUIDv5 (RFC 4122 version 5, variant 1) from our namespace, the case and the item.
    const QUuid uuid = QUuid::fromString(ids.first().section(u"--"_s, 1));
    QCOMPARE(uuid.version(), QUuid::Sha1);
    QCOMPARE(uuid.variant(), QUuid::DCE);
}

void tst_StixExport::hostileCaseIsData()
{
    const CaseLoad load = CaseReader::readFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/hostile-markup.json"));
    QVERIFY(load.ok());
    const QByteArray bundle = stixBundle(load.kase, {FixedTime, true});
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(bundle, &e);
    QCOMPARE(e.error, QJsonParseError::NoError);
    const QJsonArray objects = doc.object().value(u"objects"_s).toArray();
    QCOMPARE(objects.first().toObject().value(u"name"_s).toString(), load.kase.title); // verbatim, escaped as JSON
    QVERIFY(!bundle.contains("\x1b")); // control characters are \u escapes, never raw
    QVERIFY(!bundle.contains("\x01"));
    writeForValidation(u"hostile-markup.stix.json"_s, bundle);
    // And it reads back as the same case.
    const Conversion back = caseFromStix(bundle, u"hostile.stix.json"_s);
    QVERIFY(!hasErrors(back.problems));
    QCOMPARE(back.kase.title, load.kase.title);
    QCOMPARE(back.kase.actors, load.kase.actors);
    QCOMPARE(back.kase.sources.first().text, load.kase.sources.first().text);
}

void tst_StixExport::importedBundleExports()
{
    QFile f(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/oasis-stix21/apt1.json"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const Conversion apt1 = caseFromStix(f.readAll(), f.fileName());
    QVERIFY(!hasErrors(apt1.problems));
    const QByteArray bundle = stixBundle(apt1.kase, {FixedTime, false});
    const QJsonArray objects = objectsOf(bundle);
    QVERIFY(objects.size() > 20);
    writeForValidation(u"apt1-reexported.stix.json"_s, bundle);
    // APT1 stays an intrusion set with its aliases; Unit 61398 a threat actor.
    bool apt1Found = false;
    for (const QJsonValue &v : objects) {
        const QJsonObject o = v.toObject();
        if (o.value(u"name"_s).toString() == u"APT1"_s) {
            apt1Found = true;
            QCOMPARE(o.value(u"type"_s).toString(), u"intrusion-set"_s);
            QVERIFY(o.value(u"aliases"_s).toArray().contains(u"Comment Crew"_s));
        }
        if (o.value(u"name"_s).toString() == u"Unit 61398"_s) {
            QCOMPARE(o.value(u"type"_s).toString(), u"threat-actor"_s);
        }
    }
    QVERIFY(apt1Found);
}

void tst_StixExport::bundlesForSchemaValidation()
{
    const Case kase = builtIn();
    writeForValidation(u"builtin.stix.json"_s, stixBundle(kase, {FixedTime, false}));
    writeForValidation(u"builtin-with-texts.stix.json"_s, stixBundle(kase, {FixedTime, true}));
    Case empty;
    empty.title = u"Empty"_s;
    writeForValidation(u"empty.stix.json"_s, stixBundle(empty, {FixedTime, false}));
    QCOMPARE(objectsOf(stixBundle(empty, {FixedTime, false})).size(), 1);
}

QTEST_GUILESS_MAIN(tst_StixExport)
#include "tst_stixexport.moc"
