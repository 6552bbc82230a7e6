#include "partialdate.h"

#include <QTest>

#include <algorithm>

using namespace AT;

namespace {
DatePoint pt(const char *iso)
{
    return *DatePoint::fromIsoString(QString::fromLatin1(iso));
}

// "2021", "2021/2022", "?/2024-03", "2010/?", with a leading "~" for the whole date approximate, or a "~" after
// one end for that end only ("2010~/2024-03-25": c. 2010 – 25 Mar 2024).
PartialDate pd(const char *spec)
{
    QString s = QString::fromLatin1(spec);
    bool approx = false;
    if (s.startsWith(QLatin1Char('~'))) {
        approx = true;
        s.remove(0, 1);
    }
    PartialDate d;
    QStringList parts = s.split(QLatin1Char('/'));
    bool approxStart = false;
    bool approxEnd = false;
    if (parts.size() == 2) {
        approxStart = parts[0].endsWith(QLatin1Char('~'));
        approxEnd = parts[1].endsWith(QLatin1Char('~'));
        for (QString &part : parts) {
            if (part.endsWith(QLatin1Char('~'))) {
                part.chop(1);
            }
        }
    }
    if (parts.size() == 1) {
        d = PartialDate(*DatePoint::fromIsoString(parts[0]));
    } else if (parts[0] == QLatin1String("?")) {
        d = PartialDate::openStart(*DatePoint::fromIsoString(parts[1]));
    } else if (parts[1] == QLatin1String("?")) {
        d = PartialDate::openEnd(*DatePoint::fromIsoString(parts[0]));
    } else {
        d = PartialDate::range(*DatePoint::fromIsoString(parts[0]), *DatePoint::fromIsoString(parts[1]));
    }
    d.setApproximate(approx);
    if (approxStart != approxEnd) {
        d.setApproximate(approxStart ? PartialDate::Approximate::Start : PartialDate::Approximate::End);
    } else if (approxStart) {
        d.setApproximate(true);
    }
    return d;
}
} // namespace

class tst_PartialDate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
    void dayBounds_data();
    void dayBounds();
    void display_data();
    void display();
    void order_data();
    void order();
    void sortMixedPrecision();
    void overlap_data();
    void overlap();
    void validity();
    void relativeProvenance();
    void perEndApproximation();
};

void tst_PartialDate::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("precision");
    QTest::addColumn<QString>("error");
    QTest::newRow("year") << QStringLiteral("2018") << int(DatePoint::Precision::Year) << QString();
    QTest::newRow("month") << QStringLiteral("2024-03") << int(DatePoint::Precision::Month) << QString();
    QTest::newRow("day") << QStringLiteral("2024-03-25") << int(DatePoint::Precision::Day) << QString();
    QTest::newRow("leap day") << QStringLiteral("2024-02-29") << int(DatePoint::Precision::Day) << QString();
    QTest::newRow("no leap day") << QStringLiteral("2023-02-29") << 0
                                 << QStringLiteral("the date \"2023-02-29\" does not exist");
    QTest::newRow("feb 30") << QStringLiteral("2023-02-30") << 0
                            << QStringLiteral("the date \"2023-02-30\" does not exist");
    QTest::newRow("month 13") << QStringLiteral("2023-13") << 0
                              << QStringLiteral("month 13 does not exist in \"2023-13\"");
    QTest::newRow("month 0") << QStringLiteral("2023-00-10") << 0
                             << QStringLiteral("month 0 does not exist in \"2023-00-10\"");
    QTest::newRow("year 0") << QStringLiteral("0000") << 0 << QStringLiteral("year 0 is out of range (1 to 9999)");
    QTest::newRow("two-digit year") << QStringLiteral("24") << 0
                                    << QStringLiteral("expected YYYY, YYYY-MM or YYYY-MM-DD, got \"24\"");
    QTest::newRow("slashes") << QStringLiteral("2024/03/25") << 0
                             << QStringLiteral("expected YYYY, YYYY-MM or YYYY-MM-DD, got \"2024/03/25\"");
    QTest::newRow("words") << QStringLiteral("March") << 0
                           << QStringLiteral("expected YYYY, YYYY-MM or YYYY-MM-DD, got \"March\"");
    QTest::newRow("empty") << QString() << 0 << QStringLiteral("expected YYYY, YYYY-MM or YYYY-MM-DD, got \"\"");
    QTest::newRow("arabic digits") << QStringLiteral("\u0662\u0660\u0662\u0664") << 0
                                   << QStringLiteral(
                                          "expected YYYY, YYYY-MM or YYYY-MM-DD, got \"\u0662\u0660\u0662\u0664\"");
}

void tst_PartialDate::parse()
{
    QFETCH(QString, text);
    QFETCH(int, precision);
    QFETCH(QString, error);
    QString message;
    const auto p = DatePoint::fromIsoString(text, &message);
    if (error.isEmpty()) {
        QVERIFY2(p.has_value(), qPrintable(message));
        QCOMPARE(int(p->precision()), precision);
        QCOMPARE(p->toIsoString(), text); // round trip
    } else {
        QVERIFY(!p.has_value());
        QCOMPARE(message, error);
    }
}

void tst_PartialDate::dayBounds_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");
    QTest::newRow("year") << QStringLiteral("2018") << QDate(2018, 1, 1) << QDate(2018, 12, 31);
    QTest::newRow("feb leap") << QStringLiteral("2024-02") << QDate(2024, 2, 1) << QDate(2024, 2, 29);
    QTest::newRow("feb") << QStringLiteral("2023-02") << QDate(2023, 2, 1) << QDate(2023, 2, 28);
    QTest::newRow("day") << QStringLiteral("2024-03-25") << QDate(2024, 3, 25) << QDate(2024, 3, 25);
}

void tst_PartialDate::dayBounds()
{
    QFETCH(QString, text);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    const DatePoint p = *DatePoint::fromIsoString(text);
    QCOMPARE(p.firstDay(), first);
    QCOMPARE(p.lastDay(), last);
}

void tst_PartialDate::display_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("display");
    QTest::newRow("day") << QStringLiteral("2024-03-25") << QStringLiteral("25 Mar 2024");
    QTest::newRow("month") << QStringLiteral("2024-03") << QStringLiteral("Mar 2024");
    QTest::newRow("year") << QStringLiteral("2018") << QStringLiteral("2018");
    QTest::newRow("approximate year") << QStringLiteral("~2010") << QStringLiteral("c. 2010");
    QTest::newRow("year range same century") << QStringLiteral("2021/2022") << QStringLiteral("2021\u201322");
    QTest::newRow("year range across centuries") << QStringLiteral("1998/2003") << QStringLiteral("1998\u20132003");
    QTest::newRow("same year") << QStringLiteral("2021/2021") << QStringLiteral("2021");
    QTest::newRow("months in one year") << QStringLiteral("2024-01/2024-03") << QStringLiteral("Jan\u2013Mar 2024");
    QTest::newRow("mixed precision") << QStringLiteral("2010/2024-03") << QStringLiteral("2010 \u2013 Mar 2024");
    QTest::newRow("days") << QStringLiteral("2024-03-25/2024-03-26")
                          << QStringLiteral("25 Mar 2024 \u2013 26 Mar 2024");
    QTest::newRow("open start") << QStringLiteral("?/2024-03-25") << QStringLiteral("\u2026 \u2013 25 Mar 2024");
    QTest::newRow("open end") << QStringLiteral("2010/?") << QStringLiteral("2010 \u2013 \u2026");
    // Approximation belongs to an end: "c." stands before the approximate end only, never before an exact or
    // unknown one. (An approximate open start used to read "c. … – Mar 2024", as if the known end were exact.)
    QTest::newRow("approximate open start")
        << QStringLiteral("~?/2024-03") << QStringLiteral("\u2026 \u2013 c. Mar 2024");
    QTest::newRow("approximate open end") << QStringLiteral("~2010/?") << QStringLiteral("c. 2010 \u2013 \u2026");
    QTest::newRow("start approximate") << QStringLiteral("2010~/2024-03-25")
                                       << QStringLiteral("c. 2010 \u2013 25 Mar 2024");
    QTest::newRow("end approximate") << QStringLiteral("2010/2024-03~") << QStringLiteral("2010 \u2013 c. Mar 2024");
    // Written out end by end, each end has its own "c.": one before the first would leave the second looking exact.
    QTest::newRow("both ends approximate")
        << QStringLiteral("2010~/2024-03~") << QStringLiteral("c. 2010 \u2013 c. Mar 2024");
    QTest::newRow("years, start approximate") << QStringLiteral("2021~/2022") << QStringLiteral("c. 2021 \u2013 2022");
    QTest::newRow("years, both approximate") << QStringLiteral("~2021/2022") << QStringLiteral("c. 2021\u201322");
    QTest::newRow("months, end approximate")
        << QStringLiteral("2024-01/2024-03~") << QStringLiteral("Jan 2024 \u2013 c. Mar 2024");
    QTest::newRow("same year, start approximate")
        << QStringLiteral("2021~/2021") << QStringLiteral("c. 2021 \u2013 2021");
}

void tst_PartialDate::display()
{
    QFETCH(QString, spec);
    QFETCH(QString, display);
    QCOMPARE(pd(spec.toLatin1().constData()).toDisplayString(), display);
}

void tst_PartialDate::order_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected"); // -1: a before b, 0: same place, 1: a after b
    QTest::newRow("years") << QStringLiteral("2018") << QStringLiteral("2020") << -1;
    QTest::newRow("coarse before fine at the same first day")
        << QStringLiteral("2024") << QStringLiteral("2024-01-01") << -1;
    QTest::newRow("month before day within it") << QStringLiteral("2024-03") << QStringLiteral("2024-03-01") << -1;
    QTest::newRow("year after earlier day") << QStringLiteral("2024") << QStringLiteral("2023-12-31") << 1;
    QTest::newRow("year vs later month") << QStringLiteral("2024") << QStringLiteral("2024-03") << -1;
    QTest::newRow("point before range from same day") << QStringLiteral("2021") << QStringLiteral("2021/2022") << -1;
    QTest::newRow("shorter range first") << QStringLiteral("2021/2022") << QStringLiteral("2021/2023") << -1;
    QTest::newRow("open start sorts by its end") << QStringLiteral("?/2024-03-25") << QStringLiteral("2024-03-24") << 1;
    QTest::newRow("equal") << QStringLiteral("2024-03-25") << QStringLiteral("2024-03-25") << 0;
}

void tst_PartialDate::order()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    const auto c = pd(a.toLatin1().constData()).chronologicalOrder(pd(b.toLatin1().constData()));
    const int got = c < 0 ? -1 : (c > 0 ? 1 : 0);
    QCOMPARE(got, expected);
    const auto r = pd(b.toLatin1().constData()).chronologicalOrder(pd(a.toLatin1().constData()));
    QCOMPARE(r < 0 ? -1 : (r > 0 ? 1 : 0), -expected); // antisymmetric
}

void tst_PartialDate::sortMixedPrecision()
{
    QList<PartialDate> dates = {pd("2024-03-26"), pd("2021/2022"), pd("2024-03"), pd("2018"),    pd("2024-03-25"),
                                pd("2023-09"),    pd("2021"),      pd("2024"),    pd("2024-02"), pd("?/2024-03-25")};
    std::stable_sort(dates.begin(), dates.end(),
                     [](const PartialDate &a, const PartialDate &b) { return a.isBefore(b); });
    QStringList shown;
    for (const auto &d : dates) {
        shown << d.toDisplayString();
    }
    QCOMPARE(shown.join(QStringLiteral(" | ")),
             QStringLiteral("2018 | 2021 | 2021\u201322 | Sep 2023 | 2024 | Feb 2024 | Mar 2024 | 25 Mar 2024 | "
                            "\u2026 \u2013 25 Mar 2024 | 26 Mar 2024"));
}

void tst_PartialDate::overlap_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("overlaps");
    QTest::newRow("year contains day") << QStringLiteral("2024") << QStringLiteral("2024-03-25") << true;
    QTest::newRow("range contains year") << QStringLiteral("2021/2022") << QStringLiteral("2022") << true;
    QTest::newRow("adjacent years") << QStringLiteral("2021") << QStringLiteral("2022") << false;
    QTest::newRow("month vs day outside") << QStringLiteral("2024-02") << QStringLiteral("2024-03-01") << false;
    QTest::newRow("open start reaches back") << QStringLiteral("?/2024-03") << QStringLiteral("1990") << true;
    QTest::newRow("open start not after end") << QStringLiteral("?/2024-03") << QStringLiteral("2024-04") << false;
    QTest::newRow("open end reaches forward") << QStringLiteral("2010/?") << QStringLiteral("2030") << true;
    QTest::newRow("two open") << QStringLiteral("?/2010") << QStringLiteral("2011/?") << false;
}

void tst_PartialDate::overlap()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, overlaps);
    QCOMPARE(pd(a.toLatin1().constData()).overlaps(pd(b.toLatin1().constData())), overlaps);
    QCOMPARE(pd(b.toLatin1().constData()).overlaps(pd(a.toLatin1().constData())), overlaps);
}

void tst_PartialDate::validity()
{
    QVERIFY(!PartialDate().isValid());
    QVERIFY(PartialDate(pt("2021")).isValid());
    QVERIFY(PartialDate::range(pt("2021"), pt("2022")).isValid());
    QVERIFY(!PartialDate::range(pt("2022"), pt("2021")).isValid()); // ends before it starts
    QVERIFY(PartialDate::range(pt("2024"), pt("2024-03")).isValid()); // end inside the start year
    QVERIFY(!PartialDate::openStart(DatePoint()).isValid());
    QCOMPARE(PartialDate::range(pt("2010"), pt("2024-03-25")).precision(), DatePoint::Precision::Day);
}

void tst_PartialDate::relativeProvenance()
{
    PartialDate d(pt("2024-02"));
    DateProvenance prov;
    prov.kind = DateProvenance::Kind::Relative;
    prov.expression = QStringLiteral("Last month");
    prov.reference = pt("2024-03-26");
    prov.referenceNote = QStringLiteral("the article's publication day");
    d.setProvenance(prov);
    QCOMPARE(d.describe(),
             QStringLiteral("Feb 2024 (month precision; relative from \u201cLast month\u201d against 26 Mar "
                            "2024 (the article's publication day))"));
    QCOMPARE(PartialDate(pt("2018")).describe(), QStringLiteral("2018 (year precision; stated in the source)"));
    QCOMPARE(pd("~2021/2022").describe(),
             QStringLiteral("c. 2021\u201322 (range, from year to year precision; approximate; stated in the source)"));
    QCOMPARE(provenanceKindFromName(u"relative"), DateProvenance::Kind::Relative);
    QVERIFY(!provenanceKindFromName(u"guessed"));
}

// Which ends are approximate is kept per end; only a known end can be approximate, a single date only as a
// whole; the words and the display name the approximate end and no other.
void tst_PartialDate::perEndApproximation()
{
    using A = PartialDate::Approximate;
    PartialDate range = PartialDate::range(pt("2010"), pt("2024-03-25"));
    QCOMPARE(range.approximate(), A::No);
    QVERIFY(!range.isApproximate());
    range.setApproximate(A::Start);
    QVERIFY(range.isStartApproximate());
    QVERIFY(!range.isEndApproximate());
    QVERIFY(range.isApproximate());
    QCOMPARE(range.approximation(), QStringLiteral("approximate start"));
    QCOMPARE(range.describe(),
             QStringLiteral("c. 2010 \u2013 25 Mar 2024 (range, from year to day precision; approximate start; stated "
                            "in the source)"));
    range.setApproximate(A::End);
    QCOMPARE(range.toDisplayString(), QStringLiteral("2010 \u2013 c. 25 Mar 2024"));
    QCOMPARE(range.approximation(), QStringLiteral("approximate end"));
    range.setApproximate(true);
    QCOMPARE(range.approximate(), A::Whole);
    QVERIFY(range.isStartApproximate() && range.isEndApproximate());
    QCOMPARE(range.approximation(), QStringLiteral("approximate"));
    // Different ends, different dates.
    QVERIFY(pd("2010~/2024") != pd("2010/2024~"));
    QVERIFY(pd("2010~/2024") != pd("~2010/2024"));
    QCOMPARE(pd("2010~/2024~"), pd("~2010/2024"));

    // A single date has one part: approximate at its start is approximate as a whole.
    PartialDate point(pt("2010"));
    point.setApproximate(A::Start);
    QCOMPARE(point.approximate(), A::Whole);
    QCOMPARE(point, pd("~2010"));
    QCOMPARE(point.approximation(), QStringLiteral("approximate"));

    // An unknown end is never approximate, whatever the flag says.
    PartialDate open = PartialDate::openStart(pt("2024-03-25"));
    open.setApproximate(A::Start);
    QVERIFY(!open.isApproximate());
    QCOMPARE(open.toDisplayString(), QStringLiteral("\u2026 \u2013 25 Mar 2024"));
    open.setApproximate(true);
    QVERIFY(!open.isStartApproximate());
    QVERIFY(open.isEndApproximate());
    QCOMPARE(open.approximation(), QStringLiteral("approximate end"));

    // No exact end is ever shown with "c.": for every shape, the text of an exact end carries none.
    for (const char *spec : {"2010~/2024-03-25", "2010/2024-03-25~", "2021~/2022", "2022/2022~", "2024-01~/2024-03",
                             "?/2024-03-25", "2010~/?", "2010/2024-03-25"}) {
        const PartialDate d = pd(spec);
        const QStringList ends = d.toDisplayString().split(QStringLiteral(" \u2013 "));
        QCOMPARE(ends.size(), 2);
        QCOMPARE(ends[0].startsWith(QStringLiteral("c. ")), d.isStartApproximate());
        QCOMPARE(ends[1].startsWith(QStringLiteral("c. ")), d.isEndApproximate());
    }
}

QTEST_GUILESS_MAIN(tst_PartialDate)
#include "tst_partialdate.moc"
