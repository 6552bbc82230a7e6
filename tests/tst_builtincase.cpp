#include "builtincase.h"
#include "casereader.h"
#include "casereport.h"
#include "sourcecoverage.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace AT;

class tst_BuiltinCase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void loadsWithoutProblems();
    void everyCitationAnchorsExactly();
    void everySentenceIsAccountedFor();
    void everyEventIsCited();
    void sourcesAreTheArticles();
    void sourceMetadataIsNotInvented();
    void namedEvents_data();
    void namedEvents();
    void aliases_data();
    void aliases();
    void affiliations();
    void denialsLinkToWhatTheyDeny();
    void confidenceWordingIsVerbatim();
    void disputedPoints_data();
    void disputedPoints();
    void campaignHasNoInventedStartYear();
    void relativeDatesRecordProvenance();
    void quotedClaims_data();
    void quotedClaims();

private:
    CaseLoad m_load;
    const Case &kase() const { return m_load.kase; }
};

void tst_BuiltinCase::initTestCase()
{
    m_load = CaseReader::readFile(builtinCasePath());
}

void tst_BuiltinCase::loadsWithoutProblems()
{
    QStringList problems;
    for (const Problem &p : m_load.problems) {
        problems << p.toString();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(kase().sources.size(), 5);
}

// Every sentence of every article is cited by some item or marked reviewed with a reason (#17): the
// case says no more and no less than its sources, and `--coverage` reports nothing unreviewed.
void tst_BuiltinCase::everySentenceIsAccountedFor()
{
    const QList<SourceCoverage> coverage = caseCoverage(kase());
    QCOMPARE(coverage.size(), kase().sources.size());
    QStringList unreviewed;
    for (const SourceCoverage &source : coverage) {
        QVERIFY(!source.referenceOnly);
        QVERIFY2(source.total() > 0, qPrintable(source.sourceId));
        QCOMPARE(source.unplaced, 0);
        const QList<uint> text = kase().source(source.sourceId)->text.toUcs4(); // spans count code points
        for (const SentenceCoverage &sentence : source.sentences) {
            if (sentence.status == SentenceStatus::Unreviewed) {
                const auto *first = reinterpret_cast<const char32_t *>(text.constData() + sentence.span.start);
                unreviewed << source.sourceId + QLatin1Char(' ')
                        + firstWords(QString::fromUcs4(first, sentence.span.end - sentence.span.start));
            }
        }
        QCOMPARE(source.accountedFor(), source.total());
    }
    QVERIFY2(unreviewed.isEmpty(), qPrintable(unreviewed.join(QLatin1Char('\n'))));
    // A reviewed passage says why; a duplicate says of what.
    for (const ReviewedPassage &r : kase().reviewed) {
        QCOMPARE(r.passage.anchor, Citation::Anchor::Exact);
        if (r.reason == ReviewReason::Duplicate) {
            QVERIFY2(!r.note.trimmed().isEmpty(), qPrintable(r.passage.quote));
        }
    }
}

void tst_BuiltinCase::everyCitationAnchorsExactly()
{
    int count = 0;
    kase().forEachCitation([&](const Citation &c) {
        ++count;
        QCOMPARE(c.anchor, Citation::Anchor::Exact);
        // And the position really holds the quote, counted in code points.
        const Source *s = kase().source(c.sourceId);
        QVERIFY(s);
        const QList<uint> cps = s->text.toUcs4();
        const QList<uint> quote = c.quote.toUcs4();
        QCOMPARE(cps.mid(c.start, c.end - c.start), quote);
    });
    QVERIFY(count > 100);
}

void tst_BuiltinCase::everyEventIsCited()
{
    for (const Event &e : kase().events) {
        QVERIFY2(!e.citations.isEmpty(), qPrintable(e.id));
        QVERIFY2(e.date.isValid(), qPrintable(e.id));
        QVERIFY2(!e.participants.isEmpty(), qPrintable(e.id));
    }
    for (const Claim &c : kase().claims) {
        QVERIFY2(!c.citations.isEmpty(), qPrintable(c.id));
        QVERIFY2(kase().actor(c.attributorId), qPrintable(c.id));
    }
}

void tst_BuiltinCase::sourcesAreTheArticles()
{
    // The compiled-in texts are byte-identical copies of the articles in ../shared/sources/.
    const QDir shared(QStringLiteral(AT_SOURCE_DIR "/../shared/sources"));
    for (const Source &s : kase().sources) {
        QFile compiled(s.path.mid(3));
        QVERIFY(compiled.open(QIODevice::ReadOnly));
        const QByteArray bytes = compiled.readAll();
        QCOMPARE(sha256Hex(QString::fromUtf8(bytes)), s.sha256);
        QFile repo(QStringLiteral(AT_SOURCE_DIR "/resources/sources/") + QFileInfo(s.path).fileName());
        QVERIFY(repo.open(QIODevice::ReadOnly));
        QCOMPARE(repo.readAll(), bytes);
        if (shared.exists()) {
            QFile original(shared.filePath(QFileInfo(s.path).fileName()));
            QVERIFY(original.open(QIODevice::ReadOnly));
            QCOMPARE(original.readAll(), bytes);
        }
    }
}

void tst_BuiltinCase::sourceMetadataIsNotInvented()
{
    // The articles' texts name no publisher, URL or publication date: all stay unknown.
    for (const Source &s : kase().sources) {
        QVERIFY2(s.publisher.isEmpty(), qPrintable(s.id));
        QVERIFY2(s.url.isEmpty(), qPrintable(s.id));
        QVERIFY2(!s.published.isValid(), qPrintable(s.id));
        // A text without a headline has no title, and is named by its first words, never by one made up.
        QVERIFY(!displayTitle(s).isEmpty());
        QCOMPARE(s.title.isEmpty(), s.id == QLatin1String("s003"));
    }
    const Source *untitled = kase().source(QStringLiteral("s003"));
    QVERIFY(untitled);
    QCOMPARE(displayTitle(*untitled),
             QStringLiteral("The two countries have issued sanctions against one company\u2026 (no headline)"));
}

void tst_BuiltinCase::namedEvents_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("date");
    QTest::addColumn<int>("precision");
    QTest::addColumn<int>("sources");
    QTest::newRow("2018 opinion firm") << QStringLiteral("ev-2018-opinion-firm") << QStringLiteral("2018") << 1 << 1;
    QTest::newRow("2020 campaign staff") << QStringLiteral("ev-2020-campaign-staff") << QStringLiteral("2020") << 1
                                         << 2;
    QTest::newRow("2021 UK MPs") << QStringLiteral("ev-2021-uk-mp-recon") << QStringLiteral("2021") << 1 << 4;
    QTest::newRow("Electoral Commission")
        << QStringLiteral("ev-2021-22-electoral-commission") << QStringLiteral("2021\u201322") << 1 << 4;
    QTest::newRow("NZ parliament") << QStringLiteral("ev-2021-nz-parliament") << QStringLiteral("2021") << 1 << 2;
    QTest::newRow("indictment") << QStringLiteral("ev-2024-03-25-indictment") << QStringLiteral("25 Mar 2024") << 3
                                << 3;
    QTest::newRow("US sanctions") << QStringLiteral("ev-2024-03-25-us-sanctions") << QStringLiteral("25 Mar 2024") << 3
                                  << 4;
    QTest::newRow("UK sanctions") << QStringLiteral("ev-2024-03-25-uk-sanctions") << QStringLiteral("25 Mar 2024") << 3
                                  << 5;
    QTest::newRow("ambassador") << QStringLiteral("ev-2024-03-25-ambassador")
                                << QStringLiteral("\u2026 \u2013 26 Mar 2024") << 3 << 1;
    QTest::newRow("NZ concerns") << QStringLiteral("ev-2024-03-26-nz-concerns") << QStringLiteral("26 Mar 2024") << 3
                                 << 2;
    QTest::newRow("China denial") << QStringLiteral("ev-2024-03-china-denial") << QStringLiteral("c. 25 Mar 2024") << 3
                                  << 2;
    QTest::newRow("campaign") << QStringLiteral("ev-campaign") << QStringLiteral("\u2026 \u2013 25 Mar 2024") << 3 << 5;
    QTest::newRow("10,000 emails") << QStringLiteral("ev-malicious-emails")
                                   << QStringLiteral("\u2026 \u2013 25 Mar 2024") << 3 << 2;
    QTest::newRow("Volt Typhoon") << QStringLiteral("ev-2024-02-volt-typhoon") << QStringLiteral("Feb 2024") << 2 << 1;
    QTest::newRow("2023 US government emails")
        << QStringLiteral("ev-2023-us-gov-emails") << QStringLiteral("\u2026 \u2013 2023") << 1 << 1;
    QTest::newRow("60,000 State Department emails")
        << QStringLiteral("ev-2023-09-state-dept-emails") << QStringLiteral("Sep 2023") << 2 << 1;
    QTest::newRow("48 organisations report")
        << QStringLiteral("ev-2024-03-threadmicro-report") << QStringLiteral("Mar 2024") << 2 << 1;
    QTest::newRow("NSA and Huawei") << QStringLiteral("ev-nsa-huawei") << QStringLiteral("\u2026 \u2013 25 Mar 2024")
                                    << 3 << 1;
    // Undated in their articles: no later than the announcement they are reported with.
    QTest::newRow("APT 31 techniques") << QStringLiteral("ev-apt31-techniques")
                                       << QStringLiteral("\u2026 \u2013 25 Mar 2024") << 3 << 1;
    QTest::newRow("phishing of critics") << QStringLiteral("ev-phishing-critics")
                                         << QStringLiteral("\u2026 \u2013 25 Mar 2024") << 3 << 1;
    QTest::newRow("China-West tensions") << QStringLiteral("ev-china-west-tensions")
                                         << QStringLiteral("\u2026 \u2013 25 Mar 2024") << 3 << 4;
    QTest::newRow("2023 US-China tensions")
        << QStringLiteral("ev-2023-us-china-tensions") << QStringLiteral("2023") << 1 << 1;
}

void tst_BuiltinCase::namedEvents()
{
    QFETCH(QString, id);
    QFETCH(QString, date);
    QFETCH(int, precision);
    QFETCH(int, sources);
    const Event *e = kase().event(id);
    QVERIFY2(e, qPrintable(id));
    QCOMPARE(e->date.toDisplayString(), date);
    QCOMPARE(int(e->date.precision()), precision);
    QCOMPARE(distinctSources(e->citations), sources);
}

void tst_BuiltinCase::aliases_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("source");
    const auto apt31 = QStringLiteral("apt31");
    QTest::newRow("Zirconium") << apt31 << QStringLiteral("Zirconium") << QStringLiteral("s000");
    QTest::newRow("Violet Typhoon") << apt31 << QStringLiteral("Violet Typhoon") << QStringLiteral("s000");
    QTest::newRow("Judgment Panda") << apt31 << QStringLiteral("Judgment Panda") << QStringLiteral("s000");
    QTest::newRow("Altaire") << apt31 << QStringLiteral("Altaire") << QStringLiteral("s000");
    QTest::newRow("APT 31") << apt31 << QStringLiteral("APT 31") << QStringLiteral("s002");
    QTest::newRow("Advanced Persistent Threat 31")
        << apt31 << QStringLiteral("Advanced Persistent Threat 31") << QStringLiteral("s004");
    QTest::newRow("NCSC") << QStringLiteral("uk-ncsc") << QStringLiteral("NCSC") << QStringLiteral("s003");
    QTest::newRow("Wuhan company short name")
        << QStringLiteral("wuhan-xrz") << QStringLiteral("Wuhan Xiaoruizhi Science and Technology")
        << QStringLiteral("s004");
    QTest::newRow("The UK and the US") << QStringLiteral("us-and-uk") << QStringLiteral("The UK and the US")
                                       << QStringLiteral("s003");
    QTest::newRow("US and British officials")
        << QStringLiteral("us-and-uk") << QStringLiteral("US and British officials") << QStringLiteral("s004");
    QTest::newRow("electoral watchdog") << QStringLiteral("uk-electoral-commission")
                                        << QStringLiteral("Britain\u2019s electoral watchdog")
                                        << QStringLiteral("s004");
}

void tst_BuiltinCase::aliases()
{
    QFETCH(QString, actor);
    QFETCH(QString, alias);
    QFETCH(QString, source);
    const Actor *a = kase().actor(actor);
    QVERIFY(a);
    const auto it
        = std::find_if(a->aliases.cbegin(), a->aliases.cend(), [&](const Alias &x) { return x.name == alias; });
    QVERIFY2(it != a->aliases.cend(), qPrintable(alias));
    QVERIFY(std::any_of(it->citations.cbegin(), it->citations.cend(),
                        [&](const Citation &c) { return c.sourceId == source && c.quote.contains(alias); }));
}

void tst_BuiltinCase::affiliations()
{
    auto affiliated = [&](const QString &from, const QString &to, const QString &relationPart) {
        const Actor *a = kase().actor(from);
        return a && std::any_of(a->affiliations.cbegin(), a->affiliations.cend(), [&](const Affiliation &f) {
                   return f.actorId == to && f.relation.contains(relationPart) && !f.citations.isEmpty();
               });
    };
    QVERIFY(affiliated(QStringLiteral("apt31"), QStringLiteral("mss"), QStringLiteral("directives")));
    QVERIFY(affiliated(QStringLiteral("wuhan-xrz"), QStringLiteral("mss"), QStringLiteral("front")));
    QVERIFY(affiliated(QStringLiteral("lin-jian"), QStringLiteral("china-mfa"), QStringLiteral("spokesperson")));
}

void tst_BuiltinCase::denialsLinkToWhatTheyDeny()
{
    int denials = 0;
    for (const Claim &c : kase().claims) {
        const Event *e = kase().event(c.eventId);
        if (e && e->category == QLatin1String("denial")) {
            ++denials;
            QVERIFY2(!c.disputes.isEmpty(), qPrintable(c.id));
            for (const QString &d : c.disputes) {
                QVERIFY(kase().claim(d));
            }
        }
    }
    QVERIFY(denials >= 3);
}

void tst_BuiltinCase::confidenceWordingIsVerbatim()
{
    QSet<QString> wordings;
    for (const Claim &c : kase().claims) {
        if (c.confidence.isEmpty()) {
            continue;
        }
        wordings.insert(c.confidence);
        // The wording stands in one of the claim's own quotes, word for word.
        QVERIFY2(std::any_of(c.citations.cbegin(), c.citations.cend(),
                             [&](const Citation &cit) { return cit.quote.contains(c.confidence); }),
                 qPrintable(c.id));
        QVERIFY2(!c.confidenceValue, "no source gives a yardstick, so no numeric confidence may be set");
    }
    QVERIFY(wordings.contains(QStringLiteral("highly likely")));
    QVERIFY(wordings.contains(QStringLiteral("likely")));
    QVERIFY(wordings.contains(QStringLiteral("believe")));
}

void tst_BuiltinCase::disputedPoints_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("event");
    QTest::addColumn<int>("versions");
    QTest::newRow("EC group") << QStringLiteral("d-ec-group") << QStringLiteral("ev-2021-22-electoral-commission") << 4;
    QTest::newRow("EC scale") << QStringLiteral("d-ec-scale") << QStringLiteral("ev-2021-22-electoral-commission") << 2;
    QTest::newRow("EC certainty") << QStringLiteral("d-ec-certainty")
                                  << QStringLiteral("ev-2021-22-electoral-commission") << 4;
    QTest::newRow("campaign staff") << QStringLiteral("d-campaign-staff") << QStringLiteral("ev-2020-campaign-staff")
                                    << 3;
    QTest::newRow("duration") << QStringLiteral("d-duration") << QStringLiteral("ev-campaign") << 3;
    QTest::newRow("sanctioned") << QStringLiteral("d-sanctioned") << QStringLiteral("ev-2024-03-25-uk-sanctions") << 5;
    QTest::newRow("lawmakers") << QStringLiteral("d-lawmakers-compromised") << QStringLiteral("ev-2021-uk-mp-recon")
                               << 2;
    QTest::newRow("sectors") << QStringLiteral("d-sectors") << QStringLiteral("ev-campaign") << 3;
}

void tst_BuiltinCase::disputedPoints()
{
    QFETCH(QString, id);
    QFETCH(QString, event);
    QFETCH(int, versions);
    const Disagreement *d = kase().disagreement(id);
    QVERIFY(d);
    QCOMPARE(d->versions.size(), versions);
    QSet<QString> sources;
    for (const DisagreementVersion &v : d->versions) {
        QVERIFY(!v.citations.isEmpty());
        for (const Citation &c : v.citations) {
            sources.insert(c.sourceId);
        }
    }
    QVERIFY2(sources.size() >= 2, "a disagreement is between sources");
    const Event *e = kase().event(event);
    QVERIFY(e);
    QVERIFY(e->disagreements.contains(id));
}

void tst_BuiltinCase::campaignHasNoInventedStartYear()
{
    const Event *e = kase().event(u"ev-campaign");
    QVERIFY(e);
    QVERIFY(e->date.isOpenStart());
    QVERIFY(!e->date.start().isValid());
    // Its end is exact, and no start is given, so nothing about it is approximate.
    QVERIFY(!e->date.isApproximate());
    QCOMPARE(e->date.provenance().kind, DateProvenance::Kind::Inferred);
}

void tst_BuiltinCase::relativeDatesRecordProvenance()
{
    const Event *nz = kase().event(u"ev-2024-03-26-nz-concerns");
    QVERIFY(nz);
    QCOMPARE(nz->date.provenance().kind, DateProvenance::Kind::Relative);
    QCOMPARE(nz->date.provenance().expression, QStringLiteral("On Tuesday"));
    QCOMPARE(nz->date.provenance().reference.toIsoString(), QStringLiteral("2024-03-25"));
    QVERIFY(!nz->date.provenance().citations.isEmpty());
    const Event *volt = kase().event(u"ev-2024-02-volt-typhoon");
    QCOMPARE(volt->date.provenance().expression, QStringLiteral("Last month"));
    QCOMPARE(volt->date.provenance().reference.toIsoString(), QStringLiteral("2024-03-26"));
}

void tst_BuiltinCase::quotedClaims_data()
{
    // Kinds of fact #17 found missing: definitions, characterisations, figures, experts and officials
    // beyond one sentence, diplomatic context. Each claim is credited to who says it, in its own words.
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("attributor");
    QTest::addColumn<QString>("words");
    QTest::newRow("what an APT is") << QStringLiteral("cl-treasury-apt-definition") << QStringLiteral("us-treasury")
                                    << QStringLiteral("APTs (Advanced Persistent Threat Groups)");
    QTest::newRow("who APT31 is") << QStringLiteral("cl-treasury-apt31-composition") << QStringLiteral("us-treasury")
                                  << QStringLiteral("contract hackers and support staff");
    QTest::newRow("state-sponsored") << QStringLiteral("cl-us-uk-state-sponsored") << QStringLiteral("us-and-uk")
                                     << QStringLiteral("\u201cstate-sponsored\u201d");
    QTest::newRow("millions") << QStringLiteral("cl-us-uk-millions") << QStringLiteral("us-and-uk")
                              << QStringLiteral("impacted millions worldwide");
    QTest::newRow("front for Beijing") << QStringLiteral("cl-us-individuals-front") << QStringLiteral("us-gov")
                                       << QStringLiteral("a front for Beijing");
    QTest::newRow("culture of silence") << QStringLiteral("cl-covington-silence") << QStringLiteral("covington")
                                        << QStringLiteral("a culture of silence");
    QTest::newRow("living off the land") << QStringLiteral("cl-us-volt-advisory-link") << QStringLiteral("us-gov")
                                         << QStringLiteral("\u201cliving off the land\u201d");
}

void tst_BuiltinCase::quotedClaims()
{
    QFETCH(QString, id);
    QFETCH(QString, attributor);
    QFETCH(QString, words);
    const Claim *c = kase().claim(id);
    QVERIFY2(c, qPrintable(id));
    QCOMPARE(c->attributorId, attributor);
    QVERIFY(c->confidence.isEmpty());
    QVERIFY(std::any_of(c->citations.cbegin(), c->citations.cend(),
                        [&](const Citation &cit) { return cit.quote.contains(words); }));
}

QTEST_GUILESS_MAIN(tst_BuiltinCase)
#include "tst_builtincase.moc"
