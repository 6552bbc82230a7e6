#include "chartmodel.h"
#include "roles.h"
#include "testcases.h"

#include <QAbstractItemModelTester>

using namespace AT;

namespace {
// Rows as "label: v1 v2 ..." with the series names first.
QString dump(const QAbstractItemModel &m)
{
    QStringList series;
    for (int c = 0; c < m.columnCount(); ++c) {
        series << m.headerData(c, Qt::Horizontal).toString();
    }
    QStringList lines {series.join(QStringLiteral(" | "))};
    for (int r = 0; r < m.rowCount(); ++r) {
        QStringList values;
        for (int c = 0; c < m.columnCount(); ++c) {
            values << QString::number(m.index(r, c).data().toDouble(), 'f', 0);
        }
        lines << m.headerData(r, Qt::Vertical).toString() + QStringLiteral(": ") + values.join(QLatin1Char(' '));
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class tst_ChartModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void charts_data();
    void charts();
    void followsFilter();
    void farApartYearsKeepTheirBars();
};

void tst_ChartModel::charts_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expected");
    QTest::newRow("per year") << int(ChartModel::Kind::EventsPerYear)
                              << QStringLiteral("campaign | denial | intrusion | sanction\n"
                                                "2021: 0 0 1 0\n2022: 0 0 0 0\n2023: 0 0 0 0\n2024: 1 1 0 1");
    QTest::newRow("per actor") << int(ChartModel::Kind::EventsPerActor)
                               << QStringLiteral(
                                      "Events\nAPT31: 2\nUK government: 2\nChinese government: 1\nWuhan Xiaoruizhi: 1");
    QTest::newRow("sources per event") << int(ChartModel::Kind::SourcesPerEvent)
                                       << QStringLiteral("Events\n1 source: 4");
    QTest::newRow("claims") << int(ChartModel::Kind::ClaimsByAttributor)
                            << QStringLiteral(
                                   "(no wording) | highly likely\nUK government: 0 1\nChinese government: 1 0");
    QTest::newRow("activity") << int(ChartModel::Kind::ActorActivity)
                              << QStringLiteral("First | Last\n"
                                                "APT31: 2459216 2460395\n"
                                                "Chinese government: 2460371 2460401\n"
                                                "UK government: 2460395 2460395\n"
                                                "Wuhan Xiaoruizhi: 2460395 2460395");
}

void tst_ChartModel::charts()
{
    QFETCH(int, kind);
    QFETCH(QString, expected);
    CaseSession session;
    ChartModel model(ChartModel::Kind(kind), &session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::smallCase());
    QCOMPARE(dump(model), expected);
    session.setCase(Test::builtinCase());
    QVERIFY(model.rowCount() > 0);
    session.setCase(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void tst_ChartModel::followsFilter()
{
    CaseSession session;
    ChartModel model(ChartModel::Kind::EventsPerActor, &session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::smallCase());
    EventFilter f;
    f.disputedOnly = true;
    session.selection()->setFilter(f);
    QCOMPARE(dump(model), QStringLiteral("Events\nAPT31: 2\nUK government: 1"));
    QCOMPARE(model.index(0, 0).data(ChartKeyRole).toString(), QStringLiteral("apt31"));
}

void tst_ChartModel::farApartYearsKeepTheirBars()
{
    // An event in year 1 and one in 9999 used to make 9,999 bars, too thin to see either.
    QByteArray json = Test::SmallCase;
    json.replace("\"date\": {\"start\": \"2024-03\"}", "\"date\": {\"start\": \"0001-06\"}");
    json.replace("\"date\": {\"start\": \"2024-03-25\"}", "\"date\": {\"start\": \"9999-03-25\"}");
    CaseSession session;
    ChartModel model(ChartModel::Kind::EventsPerYear, &session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::loadCase(json));
    QStringList years;
    for (int r = 0; r < model.rowCount(); ++r) {
        years << model.headerData(r, Qt::Vertical).toString();
    }
    // The campaign has an open start and counts in its end year, 2024.
    QCOMPARE(
        years,
        (QStringList {QStringLiteral("1"), QStringLiteral("2021"), QStringLiteral("2024"), QStringLiteral("9999")}));
    // Within a normal span every year is listed, gaps included; and a case of the same size does
    // not reuse the years worked out for the last one.
    session.setCase(Test::smallCase());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("2021"));
    QCOMPARE(model.headerData(3, Qt::Vertical).toString(), QStringLiteral("2024"));
}

QTEST_GUILESS_MAIN(tst_ChartModel)
#include "tst_chartmodel.moc"
