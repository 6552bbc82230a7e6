#include "builtincase.h"
#include "casereader.h"
#include "citationlistmodel.h"
#include "eventtablemodel.h"
#include "roles.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace AT;

namespace {
// The model as readable text: one line per row, columns separated by " | ".
QString snapshot(const QAbstractItemModel &model, int maxRows = -1)
{
    QStringList lines;
    const int rows = maxRows < 0 ? model.rowCount() : std::min(maxRows, model.rowCount());
    for (int r = 0; r < rows; ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c) {
            cells << model.index(r, c).data().toString();
        }
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines.join(QLatin1Char('\n'));
}
} // namespace

class tst_EventTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chronologicalSnapshot();
    void roles();
    void citationsOfEvent();
    void resetsUnderTester();

private:
    std::shared_ptr<const Case> m_case;
};

void tst_EventTableModel::initTestCase()
{
    CaseLoad load = CaseReader::readFile(builtinCasePath());
    QVERIFY(load.ok());
    m_case = std::make_shared<const Case>(std::move(load.kase));
}

void tst_EventTableModel::chronologicalSnapshot()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCase(m_case);
    QCOMPARE(model.rowCount(), m_case->events.size());
    QCOMPARE(
        snapshot(model, 6),
        QStringLiteral(
            "2018 | Hacking of an American firm involved in public opinion research | intrusion | APT31, American "
            "public-opinion research firm (not named in the sources), US Department of Justice | 1 | \n"
            "2020 | Targeting of US presidential campaign staff | targeting | APT31, US presidential campaign staff, "
            "US Department of Justice | 3 | disputed\n"
            "2021 | Reconnaissance against UK parliamentarians critical of Beijing | reconnaissance | APT31, UK "
            "parliamentarians critical of Beijing, National Cyber Security Centre | 4 | disputed\n"
            "2021 | Attack targeting New Zealand's parliamentary entities | intrusion | New Zealand parliamentary "
            "entities, New Zealand government, Chinese government | 2 | \n"
            "2021\u201322 | Compromise of the UK Electoral Commission | intrusion | Chinese state-affiliated entity "
            "behind the Electoral Commission breach (not named), Electoral Commission, National Cyber Security "
            "Centre | 4 | disputed\n"
            "2023 | Advisory: China-sponsored hackers \"living off the land\" in the US | advisory | Volt Typhoon | 1 "
            "| "));
}

void tst_EventTableModel::roles()
{
    EventTableModel model;
    model.setCase(m_case);
    const int row = model.rowOfEvent(std::distance(
        m_case->events.cbegin(), std::find_if(m_case->events.cbegin(), m_case->events.cend(), [](const Event &e) {
            return e.id == QLatin1String("ev-2021-22-electoral-commission");
        })));
    QVERIFY(row >= 0);
    const QModelIndex idx = model.index(row, 0);
    QCOMPARE(idx.data(EventIdRole).toString(), QStringLiteral("ev-2021-22-electoral-commission"));
    QCOMPARE(idx.data(EarliestDayRole).toLongLong(), QDate(2021, 1, 1).toJulianDay());
    QCOMPARE(idx.data(LatestDayRole).toLongLong(), QDate(2022, 12, 31).toJulianDay());
    QCOMPARE(idx.data(IsRangeRole).toBool(), true);
    QCOMPARE(idx.data(DisputedRole).toBool(), true);
    QCOMPARE(idx.data(SourceCountRole).toInt(), 4);
    QCOMPARE(idx.data(CategoryRole).toString(), QStringLiteral("intrusion"));
    QVERIFY(idx.data(ActorIdsRole).toStringList().contains(QStringLiteral("uk-electoral-commission")));
    QCOMPARE(idx.data(DateDescriptionRole).toString(),
             QStringLiteral("2021\u201322 (range, from year to year precision; stated in the source)"));
}

void tst_EventTableModel::citationsOfEvent()
{
    CitationListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCase(m_case);
    QCOMPARE(model.rowCount(), 0);
    const auto ec = std::find_if(m_case->events.cbegin(), m_case->events.cend(), [](const Event &e) {
        return e.id == QLatin1String("ev-2021-22-electoral-commission");
    });
    model.setEvent(ec - m_case->events.cbegin());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(
        model.index(0).data(CitationListModel::QuoteRole).toString(),
        QStringLiteral("the country\u2019s electoral commission systems were \u201chighly likely compromised\u201d by "
                       "a Chinese state-affiliated entity between 2021 and 2022"));
    QCOMPARE(model.index(0).data(CitationListModel::AnchorRole).toString(), QStringLiteral("anchored"));
    QVERIFY(
        model.index(0).data(CitationListModel::SourceTitleRole).toString().startsWith(QStringLiteral("(no headline")));
    model.setEvent(-1);
    QCOMPARE(model.rowCount(), 0);
    model.setEvent(100000);
    QCOMPARE(model.rowCount(), 0);
}

void tst_EventTableModel::resetsUnderTester()
{
    EventTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCase(m_case);
    model.setCase(nullptr);
    QCOMPARE(model.rowCount(), 0);
    model.setCase(std::make_shared<const Case>());
    QCOMPARE(model.rowCount(), 0);
    model.setCase(m_case);
    QCOMPARE(model.rowCount(), m_case->events.size());
}

QTEST_GUILESS_MAIN(tst_EventTableModel)
#include "tst_eventtablemodel.moc"
