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

private:
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

QTEST_GUILESS_MAIN(tst_EventFilter)
#include "tst_eventfilter.moc"
