#include "timelinescale.h"

#include <QDate>
#include <QRegularExpression>
#include <QTest>

using namespace AT;

namespace {
double jd(int y, int m, int d)
{
    return static_cast<double>(QDate(y, m, d).toJulianDay());
}
// Every unit wants its labels this many pixels apart.
auto spacing(double px)
{
    return [px](TimelineScale::TickUnit) { return px; };
}
} // namespace

class tst_TimelineScale : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapping();
    void zoomKeepsAnchor_data();
    void zoomKeepsAnchor();
    void zoomLimits();
    void pan();
    void tickUnit_data();
    void tickUnit();
    void ticksDoNotOverlap_data();
    void ticksDoNotOverlap();
    void tickLabels();
};

void tst_TimelineScale::mapping()
{
    const TimelineScale s(jd(2020, 1, 1), jd(2021, 1, 1), 366);
    QCOMPARE(s.width(), 366.0);
    QCOMPARE(s.x(jd(2020, 1, 1)), 0.0);
    QCOMPARE(s.x(jd(2021, 1, 1)), 366.0);
    QCOMPARE(s.daysPerPixel(), 1.0);
    for (double x : {0.0, 12.5, 200.0, 366.0}) {
        QCOMPARE(s.x(s.day(x)), x);
    }
}

void tst_TimelineScale::zoomKeepsAnchor_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("factor");
    QTest::newRow("in at left") << 0.0 << 2.0;
    QTest::newRow("in at centre") << 400.0 << 3.0;
    QTest::newRow("out at right") << 800.0 << 0.25;
    QTest::newRow("in at arbitrary point") << 123.0 << 1.25;
}

void tst_TimelineScale::zoomKeepsAnchor()
{
    QFETCH(double, x);
    QFETCH(double, factor);
    TimelineScale s(jd(2010, 1, 1), jd(2024, 1, 1), 800);
    const double before = s.day(x);
    const double span = s.span();
    s.zoomAround(x, factor);
    QVERIFY(qAbs(s.day(x) - before) < 1e-6);
    QVERIFY(qAbs(s.span() - span / factor) < 1e-6);
}

void tst_TimelineScale::zoomLimits()
{
    TimelineScale s(jd(2024, 1, 1), jd(2024, 2, 1), 800);
    for (int i = 0; i < 50; ++i) {
        s.zoomAround(400, 2);
    }
    QCOMPARE(s.span(), TimelineScale::MinSpanDays);
    for (int i = 0; i < 100; ++i) {
        s.zoomAround(400, 0.5);
    }
    QCOMPARE(s.span(), TimelineScale::MaxSpanDays);
}

void tst_TimelineScale::pan()
{
    TimelineScale s(jd(2020, 1, 1), jd(2021, 1, 1), 366);
    s.pan(31);
    QCOMPARE(s.firstDay(), jd(2020, 2, 1));
    s.pan(-62);
    QCOMPARE(s.firstDay(), jd(2019, 12, 1));
}

void tst_TimelineScale::tickUnit_data()
{
    QTest::addColumn<double>("spanDays");
    QTest::addColumn<int>("unit");
    // 1000 pixels wide, labels 60 px apart.
    QTest::newRow("two weeks: days") << 14.0 << int(TimelineScale::TickUnit::Day);
    QTest::newRow("two months: months") << 60.0 << int(TimelineScale::TickUnit::Month);
    QTest::newRow("one year: months") << 365.0 << int(TimelineScale::TickUnit::Month);
    QTest::newRow("four years: quarters") << 4 * 365.0 << int(TimelineScale::TickUnit::Quarter);
    QTest::newRow("ten years: years") << 3652.0 << int(TimelineScale::TickUnit::Year);
    QTest::newRow("sixty years: decades") << 60 * 365.0 << int(TimelineScale::TickUnit::Decade);
    QTest::newRow("a millennium: centuries") << 1000 * 365.0 << int(TimelineScale::TickUnit::Century);
}

void tst_TimelineScale::tickUnit()
{
    QFETCH(double, spanDays);
    QFETCH(int, unit);
    const TimelineScale s(jd(2000, 1, 1), jd(2000, 1, 1) + spanDays, 1000);
    QCOMPARE(int(s.tickUnit(spacing(60))), unit);
}

void tst_TimelineScale::ticksDoNotOverlap_data()
{
    QTest::addColumn<double>("spanDays");
    for (double span : {5.0, 40.0, 200.0, 700.0, 2000.0, 9000.0, 40000.0, 200000.0, 700000.0}) {
        QTest::newRow(qPrintable(QString::number(span))) << span;
    }
}

void tst_TimelineScale::ticksDoNotOverlap()
{
    QFETCH(double, spanDays);
    const double width = 900;
    const double minSpacing = 70;
    const TimelineScale s(jd(1990, 6, 15), jd(1990, 6, 15) + spanDays, width);
    const auto ticks = s.ticks(spacing(minSpacing));
    QVERIFY(!ticks.isEmpty() || spanDays > 100000);
    for (int i = 1; i < ticks.size(); ++i) {
        QVERIFY2(s.x(ticks[i].day) - s.x(ticks[i - 1].day) >= minSpacing - 1e-6,
                 qPrintable(ticks[i - 1].label + QStringLiteral(" / ") + ticks[i].label));
    }
    for (const auto &t : ticks) {
        QVERIFY(t.day >= s.firstDay() && t.day <= s.lastDay() + 1);
    }
}

void tst_TimelineScale::tickLabels()
{
    const TimelineScale months(jd(2024, 1, 15), jd(2024, 5, 15), 1000);
    QStringList labels;
    for (const auto &t : months.ticks(spacing(60))) {
        labels << t.label;
    }
    QCOMPARE(labels,
             (QStringList {QStringLiteral("Feb 2024"), QStringLiteral("Mar 2024"), QStringLiteral("Apr 2024"),
                           QStringLiteral("May 2024")}));
    const TimelineScale decades(jd(1995, 1, 1), jd(2031, 1, 1), 1000);
    labels.clear();
    for (const auto &t : decades.ticks(spacing(120))) {
        labels << t.label;
    }
    QCOMPARE(labels,
             (QStringList {QStringLiteral("2000s"), QStringLiteral("2010s"), QStringLiteral("2020s"),
                           QStringLiteral("2030s")}));
    // Days say their year: "24 Mar" alone could be any March.
    const TimelineScale days(jd(2024, 3, 23) + 0.5, jd(2024, 3, 26) + 0.5, 1000);
    labels.clear();
    for (const auto &t : days.ticks(spacing(60))) {
        labels << t.label;
    }
    QVERIFY(labels.contains(QStringLiteral("25 Mar 2024")));
    for (const QString &l : std::as_const(labels)) {
        QVERIFY2(QRegularExpression(QStringLiteral("^\\d{1,2} Mar 2024$")).match(l).hasMatch(), qPrintable(l));
    }
}

QTEST_GUILESS_MAIN(tst_TimelineScale)
#include "tst_timelinescale.moc"
