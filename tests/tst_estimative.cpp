#include "estimative.h"
#include "testcases.h"

#include <QTest>

using namespace AT;

// The yardsticks as their publications print them, written out here a second time so that a change
// to a table in estimative.cpp has to be made on purpose. PHIA: "Explaining Uncertainty in UK
// Intelligence Assessment", PHIA, GOV.UK, 24 March 2025. ICD 203: ODNI, "Analytic Standards",
// January 2015. docs/estimative-language.md says how each was checked.
class tst_Estimative : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void phiaTerms_data();
    void phiaTerms();
    void icd203Terms_data();
    void icd203Terms();
    void scalesSayWhereTheyComeFrom();
    void wordingIsMatchedWhole_data();
    void wordingIsMatchedWhole();
    void nationNames_data();
    void nationNames();
    void scaleFollowsTheSpeaker();
    void noBandWhenTheSpeakerIsUnknown();
    void explicitYardstickIsRespected();
    void builtinCase();
};

void tst_Estimative::phiaTerms_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<int>("low");
    QTest::addColumn<int>("high");
    QTest::newRow("remote chance") << QStringLiteral("Remote chance") << 0 << 5;
    QTest::newRow("highly unlikely") << QStringLiteral("Highly unlikely") << 10 << 20;
    QTest::newRow("unlikely") << QStringLiteral("Unlikely") << 25 << 35;
    QTest::newRow("realistic possibility") << QStringLiteral("Realistic possibility") << 40 << 50;
    QTest::newRow("likely") << QStringLiteral("Likely") << 55 << 75;
    QTest::newRow("probably") << QStringLiteral("probably") << 55 << 75;
    QTest::newRow("highly likely") << QStringLiteral("Highly likely") << 80 << 90;
    QTest::newRow("almost certain") << QStringLiteral("Almost certain") << 95 << 100;
}

void tst_Estimative::phiaTerms()
{
    QFETCH(QString, term);
    QFETCH(int, low);
    QFETCH(int, high);
    const EstimativeTerm *t = matchEstimativeTerm(phiaYardstick(), term);
    QVERIFY(t);
    QCOMPARE(t->lowPercent, low);
    QCOMPARE(t->highPercent, high);
    QCOMPARE(phiaYardstick().terms.size(), 7); // seven ranges, as the yardstick says
}

void tst_Estimative::icd203Terms_data()
{
    QTest::addColumn<QString>("term");
    QTest::addColumn<int>("low");
    QTest::addColumn<int>("high");
    const struct
    {
        const char *words;
        int low, high;
    } rows[] = {
        {"almost no chance", 1, 5},    {"remote", 1, 5},
        {"very unlikely", 5, 20},      {"highly improbable", 5, 20},
        {"unlikely", 20, 45},          {"improbable", 20, 45},
        {"improbably", 20, 45},        {"roughly even chance", 45, 55},
        {"roughly even odds", 45, 55}, {"likely", 55, 80},
        {"probable", 55, 80},          {"probably", 55, 80},
        {"very likely", 80, 95},       {"highly probable", 80, 95},
        {"almost certain", 95, 99},    {"almost certainly", 95, 99},
        {"nearly certain", 95, 99},
    };
    for (const auto &r : rows) {
        QTest::newRow(r.words) << QString::fromUtf8(r.words) << r.low << r.high;
    }
}

void tst_Estimative::icd203Terms()
{
    QFETCH(QString, term);
    QFETCH(int, low);
    QFETCH(int, high);
    const EstimativeTerm *t = matchEstimativeTerm(icd203Likelihood(), term);
    QVERIFY(t);
    QCOMPARE(t->lowPercent, low);
    QCOMPARE(t->highPercent, high);
    QCOMPARE(icd203Likelihood().terms.size(), 7);
}

void tst_Estimative::scalesSayWhereTheyComeFrom()
{
    for (const EstimativeScale *s : {&phiaYardstick(), &icd203Likelihood()}) {
        QVERIFY(!s->publication.isEmpty());
        QVERIFY(s->url.startsWith(QLatin1String("https://")));
        QVERIFY(!s->checked.isEmpty());
        int previousHigh = -1;
        for (const EstimativeTerm &t : s->terms) {
            QVERIFY(t.lowPercent < t.highPercent);
            QVERIFY(t.lowPercent >= previousHigh); // ordered, never overlapping beyond a shared edge
            previousHigh = t.highPercent;
        }
    }
    QVERIFY(phiaYardstick().url.startsWith(QLatin1String("https://www.gov.uk/")));
    QVERIFY(icd203Likelihood().url.startsWith(QLatin1String("https://www.dni.gov/")));
    // Terms the UK yardstick does not print are not on it.
    QVERIFY(!matchEstimativeTerm(phiaYardstick(), u"very likely"));
    QVERIFY(!matchEstimativeTerm(phiaYardstick(), u"roughly even chance"));
    QVERIFY(!matchEstimativeTerm(icd203Likelihood(), u"realistic possibility"));
    QVERIFY(!matchEstimativeTerm(icd203Likelihood(), u"highly likely"));
}

void tst_Estimative::wordingIsMatchedWhole_data()
{
    QTest::addColumn<QString>("wording");
    QTest::addColumn<int>("low"); // -1: not on the PHIA yardstick
    QTest::newRow("plain") << QStringLiteral("highly likely") << 80;
    QTest::newRow("capitals") << QStringLiteral("HIGHLY LIKELY") << 80;
    QTest::newRow("curly quotes") << QStringLiteral("\u201chighly likely\u201d") << 80;
    QTest::newRow("straight quotes") << QStringLiteral("\"Highly likely\"") << 80;
    QTest::newRow("single quotes") << QStringLiteral("\u2018likely\u2019") << 55;
    QTest::newRow("spaces and full stop") << QStringLiteral("  highly \n likely. ") << 80;
    QTest::newRow("contained") << QStringLiteral("highly likely compromised") << -1;
    QTest::newRow("likely to") << QStringLiteral("likely to") << -1;
    QTest::newRow("negated") << QStringLiteral("not likely") << -1;
    QTest::newRow("may have") << QStringLiteral("may have") << -1;
    QTest::newRow("believe") << QStringLiteral("believe") << -1;
    QTest::newRow("part of a word") << QStringLiteral("likelyhood") << -1;
    QTest::newRow("empty") << QString() << -1;
    QTest::newRow("quotes only") << QStringLiteral("\u201c\u201d") << -1;
}

void tst_Estimative::wordingIsMatchedWhole()
{
    QFETCH(QString, wording);
    QFETCH(int, low);
    const EstimativeTerm *t = matchEstimativeTerm(phiaYardstick(), wording);
    QCOMPARE(t ? t->lowPercent : -1, low);
}

void tst_Estimative::nationNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("nation"); // SpeakerNation
    const int uk = int(SpeakerNation::UnitedKingdom);
    const int us = int(SpeakerNation::UnitedStates);
    const int none = int(SpeakerNation::Unknown);
    QTest::newRow("United Kingdom") << QStringLiteral("United Kingdom") << uk;
    QTest::newRow("the UK") << QStringLiteral("the UK") << uk;
    QTest::newRow("UK government") << QStringLiteral("UK government") << uk;
    QTest::newRow("Britain") << QStringLiteral("Britain") << uk;
    QTest::newRow("British government") << QStringLiteral("British government") << uk;
    QTest::newRow("HM Government") << QStringLiteral("HM Government") << uk;
    QTest::newRow("His Majesty's") << QStringLiteral("His Majesty\u2019s Government") << uk;
    QTest::newRow("Government of the United Kingdom") << QStringLiteral("Government of the United Kingdom") << uk;
    QTest::newRow("United States") << QStringLiteral("United States") << us;
    QTest::newRow("U.S.") << QStringLiteral("U.S.") << us;
    QTest::newRow("US government") << QStringLiteral("US government") << us;
    QTest::newRow("United States government") << QStringLiteral("United States government") << us;
    QTest::newRow("American government") << QStringLiteral("American government") << us;
    QTest::newRow("British alone") << QStringLiteral("British") << none; // an adjective needs "government"
    QTest::newRow("Washington") << QStringLiteral("Washington") << none; // a city and a state, too
    QTest::newRow("London authorities") << QStringLiteral("London authorities") << none;
    QTest::newRow("Chinese government") << QStringLiteral("Chinese government") << none;
    QTest::newRow("New Zealand government") << QStringLiteral("New Zealand government") << none;
    QTest::newRow("US Treasury") << QStringLiteral("US Treasury") << none;
}

void tst_Estimative::nationNames()
{
    QFETCH(QString, name);
    QFETCH(int, nation);
    const bool uk = nameDenotesNation(name, SpeakerNation::UnitedKingdom);
    const bool us = nameDenotesNation(name, SpeakerNation::UnitedStates);
    QVERIFY(!(uk && us));
    QCOMPARE(int(uk       ? SpeakerNation::UnitedKingdom
                     : us ? SpeakerNation::UnitedStates
                          : SpeakerNation::Unknown),
             nation);
}

namespace {

Case nationsCase()
{
    Case k;
    k.title = QStringLiteral("Nations");
    auto actor = [](const char *id, const char *name, const char *kind, QList<const char *> affiliations = {}) {
        Actor a;
        a.id = QString::fromUtf8(id);
        a.name = QString::fromUtf8(name);
        a.kind = QString::fromUtf8(kind);
        for (const char *to : affiliations) {
            a.affiliations.append({QString::fromUtf8(to), QStringLiteral("part of"), {}});
        }
        return a;
    };
    k.actors = {
        actor("ukgov", "Government", "government"),
        actor("usgov", "United States government", "government"),
        actor("ncsc", "NCSC", "agency", {"ukgov"}),
        actor("analyst", "An analyst", "person", {"ncsc"}),
        actor("fbi", "FBI", "agency", {"usgov"}),
        actor("joint", "Joint cell", "agency", {"ncsc", "fbi"}),
        actor("loner", "A researcher", "person"),
        actor("ukcompany", "United Kingdom", "company"), // named like the nation, but not a government
        actor("cycle-a", "A", "agency", {"cycle-b"}),
        actor("cycle-b", "B", "agency", {"cycle-a"}),
    };
    k.actors[0].aliases.append({QStringLiteral("Britain"), {}, {}});
    // A nation's own ties do not make it another nation.
    k.actors[0].affiliations.append({QStringLiteral("usgov"), QStringLiteral("ally of"), {}});
    return k;
}

Claim claimBy(const char *attributor, const char *confidence, const char *yardstick = "")
{
    Claim c;
    c.id = QStringLiteral("c");
    c.attributorId = QString::fromUtf8(attributor);
    c.statement = QStringLiteral("Something happened");
    c.confidence = QString::fromUtf8(confidence);
    c.yardstick = QString::fromUtf8(yardstick);
    return c;
}

} // namespace

void tst_Estimative::scaleFollowsTheSpeaker()
{
    const Case k = nationsCase();
    QString path;
    QCOMPARE(speakerNation(k, QStringLiteral("ukgov"), &path), SpeakerNation::UnitedKingdom);
    QCOMPARE(path, QStringLiteral("Government"));
    QCOMPARE(speakerNation(k, QStringLiteral("analyst"), &path), SpeakerNation::UnitedKingdom);
    QCOMPARE(path, QStringLiteral("An analyst \u2192 NCSC \u2192 Government"));
    QCOMPARE(speakerNation(k, QStringLiteral("fbi"), &path), SpeakerNation::UnitedStates);

    auto uk = estimativeBand(k, claimBy("analyst", "Highly likely"));
    QVERIFY(uk);
    QCOMPARE(uk->scale, EstimativeScaleId::Phia);
    QCOMPARE(uk->term, QStringLiteral("highly likely"));
    QCOMPARE(uk->lowPercent, 80);
    QCOMPARE(uk->highPercent, 90);
    QCOMPARE(uk->label(), QStringLiteral("PHIA: 80\u201390%"));
    QVERIFY(uk->toolTip().contains(phiaYardstick().publication));
    QVERIFY(uk->toolTip().contains(QStringLiteral("An analyst \u2192 NCSC \u2192 Government")));

    // The same word means other numbers on the other side of the Atlantic.
    auto us = estimativeBand(k, claimBy("fbi", "likely"));
    QVERIFY(us);
    QCOMPARE(us->scale, EstimativeScaleId::Icd203);
    QCOMPARE(us->lowPercent, 55);
    QCOMPARE(us->highPercent, 80);
    auto ukLikely = estimativeBand(k, claimBy("ncsc", "likely"));
    QVERIFY(ukLikely);
    QCOMPARE(ukLikely->highPercent, 75);
    // A term of the other scale only is no band.
    QVERIFY(!estimativeBand(k, claimBy("fbi", "highly likely")));
    QVERIFY(!estimativeBand(k, claimBy("ncsc", "very likely")));
}

void tst_Estimative::noBandWhenTheSpeakerIsUnknown()
{
    const Case k = nationsCase();
    QCOMPARE(speakerNation(k, QStringLiteral("loner")), SpeakerNation::Unknown);
    QCOMPARE(speakerNation(k, QStringLiteral("joint")), SpeakerNation::Unknown); // both nations: no guess
    QCOMPARE(speakerNation(k, QStringLiteral("ukcompany")), SpeakerNation::Unknown);
    QCOMPARE(speakerNation(k, QStringLiteral("cycle-a")), SpeakerNation::Unknown); // and it terminates
    QCOMPARE(speakerNation(k, QStringLiteral("nobody")), SpeakerNation::Unknown);
    QVERIFY(!estimativeBand(k, claimBy("loner", "highly likely")));
    QVERIFY(!estimativeBand(k, claimBy("joint", "likely")));
    QVERIFY(!estimativeBand(k, claimBy("nobody", "likely")));
    QVERIFY(!estimativeBand(k, claimBy("ncsc", "")));
}

void tst_Estimative::explicitYardstickIsRespected()
{
    const Case k = nationsCase();
    // The case says the US speaker used the UK yardstick: its word is read there.
    auto b = estimativeBand(k, claimBy("fbi", "highly likely", "UK PHIA probability yardstick"));
    QVERIFY(b);
    QCOMPARE(b->scale, EstimativeScaleId::Phia);
    QVERIFY(b->why.contains(QStringLiteral("UK PHIA probability yardstick")));
    // And the other way round, even for a speaker whose nation is unknown.
    b = estimativeBand(k, claimBy("loner", "roughly even odds", "ICD-203"));
    QVERIFY(b);
    QCOMPARE(b->scale, EstimativeScaleId::Icd203);
    QCOMPARE(b->lowPercent, 45);
    // Another yardstick, which the app does not hold: its own number stands, no band is added.
    QVERIFY(!estimativeBand(k, claimBy("ncsc", "likely", "Kent's words of estimative probability")));
}

void tst_Estimative::builtinCase()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    auto bandOf = [&](const char *id) {
        const Claim *c = kase->claim(QString::fromUtf8(id));
        return c ? estimativeBand(*kase, *c) : std::nullopt;
    };
    QVERIFY(kase->claim(QStringLiteral("cl-ncsc-ec")));
    const auto highly = bandOf("cl-ncsc-ec"); // the NCSC: "highly likely"
    QVERIFY(highly);
    QCOMPARE(highly->scale, EstimativeScaleId::Phia);
    QCOMPARE(highly->label(), QStringLiteral("PHIA: 80\u201390%"));
    QCOMPARE(highly->why,
             QStringLiteral("The speaker is British: National Cyber Security Centre \u2192 UK government"));
    const auto likely = bandOf("cl-ncsc-ec-stole"); // the NCSC: "likely"
    QVERIFY(likely);
    QCOMPARE(likely->label(), QStringLiteral("PHIA: 55\u201375%"));
    QVERIFY(kase->claim(QStringLiteral("cl-uk-sanctioned-responsible")));
    QVERIFY(!bandOf("cl-uk-sanctioned-responsible")); // "may have"
    QVERIFY(kase->claim(QStringLiteral("cl-uk-intel-intent")));
    QVERIFY(!bandOf("cl-uk-intel-intent")); // "believe"
    int bands = 0;
    for (const Claim &c : kase->claims) {
        bands += estimativeBand(*kase, c) ? 1 : 0;
    }
    QCOMPARE(bands, 2);
    // Who speaks for whom in the built-in case.
    QCOMPARE(speakerNation(*kase, QStringLiteral("wray")), SpeakerNation::UnitedStates);
    QCOMPARE(speakerNation(*kase, QStringLiteral("cameron")), SpeakerNation::UnitedKingdom);
    QCOMPARE(speakerNation(*kase, QStringLiteral("china-mfa")), SpeakerNation::Unknown);
    QCOMPARE(speakerNation(*kase, QStringLiteral("nz-gov")), SpeakerNation::Unknown);
}

QTEST_GUILESS_MAIN(tst_Estimative)
#include "tst_estimative.moc"
