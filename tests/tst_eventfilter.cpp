#include "casegenerator.h"
#include "casereader.h"
#include "casereport.h"
#include "eventfilter.h"
#include "testcases.h"

using namespace AT;

Q_DECLARE_METATYPE(AT::EventFilter)

class tst_EventFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filter_data();
    void filter();
    void builtinAliasSearch_data();
    void builtinAliasSearch();
    void fold();
    void searchMatchesEveryEventsText_data();
    void searchMatchesEveryEventsText();
    void narrowedAndParallelSearchAgree();
    void chronologicalOrderMatchesPartialDate();
    void listFiltersMatchEveryEvent();

private:
    std::shared_ptr<const Case> generated();
    std::shared_ptr<const Case> m_small;
    std::shared_ptr<const Case> m_builtin;
};

void tst_EventFilter::initTestCase()
{
    m_small = Test::smallCase();
    m_builtin = Test::builtinCase();
    QVERIFY(m_small && m_builtin);
}

void tst_EventFilter::filter_data()
{
    QTest::addColumn<EventFilter>("filter");
    QTest::addColumn<QString>("events"); // ids in chronological order
    auto jd = [](int y, int m, int d) { return QDate(y, m, d).toJulianDay(); };
    EventFilter f;
    QTest::newRow("none: chronological, coarse before fine, open start by its end")
        << f << QStringLiteral("breach denial sanction campaign");
    f = {};
    f.text = QStringLiteral("zirconium");
    QTest::newRow("alias finds the actor's events") << f << QStringLiteral("breach campaign");
    f.text = QStringLiteral("ELECTORAL");
    QTest::newRow("accent- and case-insensitive") << f << QStringLiteral("breach");
    f.text = QStringLiteral("  wuhan  ");
    QTest::newRow("actor name, trimmed") << f << QStringLiteral("sanction");
    f.text = QStringLiteral("ran for years");
    QTest::newRow("quote text") << f << QStringLiteral("campaign");
    f.text = QStringLiteral("nothing like this");
    QTest::newRow("no match") << f << QString();
    f = {};
    f.actors = {QStringLiteral("uk")};
    QTest::newRow("actor") << f << QStringLiteral("sanction campaign");
    f.actors = {QStringLiteral("uk"), QStringLiteral("cn")};
    QTest::newRow("two actors: either") << f << QStringLiteral("denial sanction campaign");
    f.role = QStringLiteral("target");
    QTest::newRow("actor in a role") << f << QStringLiteral("campaign");
    f.actors.clear();
    f.role = QStringLiteral("attacker");
    QTest::newRow("role alone") << f << QStringLiteral("breach campaign");
    f.role = QStringLiteral("no such role");
    QTest::newRow("unknown role") << f << QString();
    f = {};
    f.categories = {QStringLiteral("denial"), QStringLiteral("sanction")};
    QTest::newRow("categories") << f << QStringLiteral("denial sanction");
    f = {};
    f.fromDay = jd(2024, 3, 10);
    f.toDay = jd(2024, 3, 31);
    QTest::newRow("date range overlaps month and open start") << f << QStringLiteral("denial sanction campaign");
    f.fromDay = jd(2022, 6, 1);
    f.toDay = jd(2022, 6, 30);
    QTest::newRow("inside a range") << f << QStringLiteral("breach campaign");
    f.fromDay = 0;
    f.toDay = jd(2020, 12, 31);
    QTest::newRow("open start reaches back") << f << QStringLiteral("campaign");
    // By first day, as the per-year chart counts: the range starting in 2021 is in 2021, the
    // campaign with no start is at its end (2024), and 2022 has nothing.
    f.fromDay = jd(2021, 1, 1);
    f.toDay = jd(2021, 12, 31);
    f.byFirstDay = true;
    QTest::newRow("first day in 2021") << f << QStringLiteral("breach");
    f.fromDay = jd(2022, 1, 1);
    f.toDay = jd(2022, 12, 31);
    QTest::newRow("first day in 2022: none") << f << QString();
    f.fromDay = jd(2024, 1, 1);
    f.toDay = jd(2024, 12, 31);
    QTest::newRow("first day in 2024") << f << QStringLiteral("denial sanction campaign");
    f = {};
    f.claimedBy = {QStringLiteral("cn")};
    QTest::newRow("claimed about by an attributor not taking part") << f << QStringLiteral("breach");
    f.claimedBy = {QStringLiteral("apt31")};
    QTest::newRow("claims by nobody") << f << QString();
    f = {};
    f.sources = {QStringLiteral("b")};
    QTest::newRow("source") << f << QStringLiteral("denial campaign");
    f = {};
    f.disputedOnly = true;
    QTest::newRow("disputed only") << f << QStringLiteral("breach campaign");
    f.actors = {QStringLiteral("uk")};
    QTest::newRow("disputed and actor") << f << QStringLiteral("campaign");
    f.text = QStringLiteral("register");
    QTest::newRow("disputed, actor and text: none") << f << QString();
    f = {};
    f.text = QStringLiteral("a");
    f.categories = {QStringLiteral("intrusion"), QStringLiteral("campaign")};
    f.sources = {QStringLiteral("a")};
    QTest::newRow("text, category and source") << f << QStringLiteral("breach");
}

void tst_EventFilter::filter()
{
    QFETCH(EventFilter, filter);
    QFETCH(QString, events);
    const CaseIndex index(m_small);
    QStringList ids;
    for (qsizetype e : filterEvents(index, filter)) {
        ids << index.kase().events[e].id;
    }
    QCOMPARE(ids.join(QLatin1Char(' ')), events);
}

void tst_EventFilter::builtinAliasSearch_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<QString>("mustInclude");
    QTest::newRow("Zirconium") << QStringLiteral("Zirconium") << 5 << QStringLiteral("ev-2018-opinion-firm");
    QTest::newRow("violet typhoon") << QStringLiteral("violet typhoon") << 5 << QStringLiteral("ev-2021-uk-mp-recon");
    QTest::newRow("electoral watchdog alias")
        << QStringLiteral("watchdog") << 1 << QStringLiteral("ev-2021-22-electoral-commission");
    QTest::newRow("curly apostrophe in quote") << QStringLiteral("China\u2019s Ministry of State Security") << 1
                                               << QStringLiteral("ev-2024-03-25-uk-sanctions");
}

void tst_EventFilter::builtinAliasSearch()
{
    QFETCH(QString, text);
    QFETCH(int, minimum);
    QFETCH(QString, mustInclude);
    const CaseIndex index(m_builtin);
    EventFilter f;
    f.text = text;
    QStringList ids;
    for (qsizetype e : filterEvents(index, f)) {
        ids << index.kase().events[e].id;
    }
    QVERIFY2(ids.size() >= minimum, qPrintable(ids.join(QLatin1Char(' '))));
    QVERIFY2(ids.contains(mustInclude), qPrintable(ids.join(QLatin1Char(' '))));
}

void tst_EventFilter::fold()
{
    QCOMPARE(CaseIndex::fold(u"Électoral ZIRCONÍUM Straße"), QStringLiteral("electoral zirconium strasse"));
}

std::shared_ptr<const Case> tst_EventFilter::generated()
{
    static const auto kase = std::make_shared<const Case>(
        CaseReader::readData(generateCase({1500, 5, 60, 40}), QStringLiteral("generated"), {}).kase);
    return kase;
}

void tst_EventFilter::searchMatchesEveryEventsText_data()
{
    QTest::addColumn<QString>("text");
    for (const char *t : {"n", "ne", "net", "netw", "Network", "Z\u00fcrich", "\u0160koda", "\u56fd\u5bb6",
                          "alert\U0001F6A8", "\u201cquoted\u201d", "no such words", "e\nd"}) {
        QTest::newRow(t) << QString::fromUtf8(t);
    }
}

void tst_EventFilter::searchMatchesEveryEventsText()
{
    // The oracle: each event's text put together from the Case itself, folded and searched with
    // QString::contains, against the folded UTF-8 blob the index searches.
    QFETCH(QString, text);
    const std::shared_ptr<const Case> kase = generated();
    const CaseIndex index(kase);
    const QString needle = CaseIndex::fold(text.trimmed());
    QList<qsizetype> expected;
    for (qsizetype e : index.chronological()) {
        const Event &ev = kase->events[e];
        QStringList parts {ev.title, ev.summary, ev.category};
        parts += ev.tags;
        for (const Citation &c : ev.citations) {
            parts << c.quote;
        }
        for (const Participant &p : ev.participants) {
            if (const Actor *a = kase->actor(p.actorId)) {
                parts << a->name;
                for (const Alias &alias : a->aliases) {
                    parts << alias.name;
                }
            }
        }
        if (CaseIndex::fold(parts.join(QLatin1Char('\n'))).contains(needle)) {
            expected << e;
        }
    }
    EventFilter f;
    f.text = text;
    QCOMPARE(expected.isEmpty(), text == QLatin1String("no such words")); // the oracle is not vacuous
    QCOMPARE(filterEvents(index, f), expected);
}

void tst_EventFilter::narrowedAndParallelSearchAgree()
{
    const CaseIndex index(generated());
    const QStringList typed {QStringLiteral("n"), QStringLiteral("ne"), QStringLiteral("net"), QStringLiteral("netw")};
    QList<bool> previous;
    for (const QString &needle : typed) {
        const QList<bool> full = matchText(index, needle, nullptr, 1);
        QVERIFY(full.contains(true));
        for (int parts : {2, 3, 7}) {
            QCOMPARE(matchText(index, needle, nullptr, parts), full);
        }
        if (!previous.isEmpty()) {
            QCOMPARE(matchText(index, needle, &previous), full);
        }
        previous = full;
    }
}

void tst_EventFilter::chronologicalOrderMatchesPartialDate()
{
    // The index sorts by precomputed keys; the order must be PartialDate::isBefore's, ties kept
    // in file order, on dates of every precision, ranges and open ends.
    for (const std::shared_ptr<const Case> &kase : {generated(), m_small, m_builtin}) {
        QCOMPARE(CaseIndex(kase).chronological(), chronologicalOrder(*kase));
    }
}

void tst_EventFilter::listFiltersMatchEveryEvent()
{
    // Actor and category filters start from inverted lists; the oracle checks every event.
    const std::shared_ptr<const Case> kase = generated();
    const CaseIndex index(kase);
    const QString role = index.roles().value(1);
    QList<EventFilter> filters;
    EventFilter f;
    f.actors = {QStringLiteral("a0")};
    filters << f;
    f.actors = {QStringLiteral("a3"), QStringLiteral("a7"), QStringLiteral("no-such-actor")};
    filters << f;
    f.role = role;
    filters << f;
    f.categories = {index.categories().value(0)};
    filters << f;
    f = {};
    f.categories = {index.categories().value(0), index.categories().value(2)};
    filters << f;
    f.disputedOnly = true;
    f.text = QStringLiteral("net");
    filters << f;
    for (const EventFilter &filter : std::as_const(filters)) {
        QList<qsizetype> expected;
        for (qsizetype e : index.chronological()) {
            const Event &ev = kase->events[e];
            bool actorOk = filter.actors.isEmpty() && filter.role.isEmpty();
            for (const Participant &p : ev.participants) {
                actorOk = actorOk
                    || ((filter.actors.isEmpty() || filter.actors.contains(p.actorId))
                        && (filter.role.isEmpty() || p.role == filter.role));
            }
            const bool categoryOk = filter.categories.isEmpty() || filter.categories.contains(ev.category);
            const bool disputedOk = !filter.disputedOnly || kase->isDisputed(ev);
            const bool textOk = filter.text.isEmpty() || index.searchText(e).contains(filter.text);
            if (actorOk && categoryOk && disputedOk && textOk) {
                expected << e;
            }
        }
        QVERIFY(!expected.isEmpty());
        QCOMPARE(filterEvents(index, filter), expected);
    }
}

QTEST_GUILESS_MAIN(tst_EventFilter)
#include "tst_eventfilter.moc"
