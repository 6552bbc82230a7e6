#include "casegenerator.h"
#include "casereader.h"
#include "eventtablemodel.h"
#include "roles.h"
#include "testcases.h"
#include "timelineitem.h"

#include <QAbstractItemModelTester>
#include <QCollator>

using namespace AT;

class tst_EventTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void snapshotChronological();
    void followsFilter();
    void sortByColumns_data();
    void sortByColumns();
    void sortKeepsPersistentIndexes();
    void timelineRowsInTimeOrder();
    void largeCaseSortsByCollation();
    void roles();
    void specificityIsNotDisputed();
    void newCaseResets();

private:
    CaseSession *m_session = nullptr;
    EventTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;
};

void tst_EventTableModel::init()
{
    m_session = new CaseSession;
    m_model = new EventTableModel(m_session);
    m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_session->setCase(Test::smallCase());
}

void tst_EventTableModel::cleanup()
{
    delete m_tester;
    delete m_model;
    delete m_session;
}

void tst_EventTableModel::snapshotChronological()
{
    QCOMPARE(
        Test::snapshot(*m_model),
        QStringLiteral("2021\u201322 | Register breach | intrusion | APT31 | 1 | disputed\n"
                       "Mar 2024 | Denial | denial | Chinese government | 1 | \n"
                       "25 Mar 2024 | Sanctions | sanction | UK government, Wuhan Xiaoruizhi | 1 | \n"
                       "\u2026 \u2013 c. 25 Mar 2024 | Campaign | campaign | APT31, UK government | 1 | disputed"));
}

void tst_EventTableModel::followsFilter()
{
    EventFilter f;
    f.text = QStringLiteral("zirconium");
    m_session->selection()->setFilter(f);
    QCOMPARE(m_model->rowCount(), 2);
    f.disputedOnly = true;
    f.text.clear();
    f.actors = {QStringLiteral("uk")};
    m_session->selection()->setFilter(f);
    QCOMPARE(
        Test::snapshot(*m_model),
        QStringLiteral("\u2026 \u2013 c. 25 Mar 2024 | Campaign | campaign | APT31, UK government | 1 | disputed"));
    m_session->selection()->setFilter({});
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->rowOfEvent(0), 2); // "sanction" is event 0 of the file, third by date
}

void tst_EventTableModel::sortByColumns_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QString>("titles");
    QTest::newRow("date ascending") << int(EventTableModel::DateColumn) << int(Qt::AscendingOrder)
                                    << QStringLiteral("Register breach, Denial, Sanctions, Campaign");
    QTest::newRow("date descending") << int(EventTableModel::DateColumn) << int(Qt::DescendingOrder)
                                     << QStringLiteral("Campaign, Sanctions, Denial, Register breach");
    QTest::newRow("title") << int(EventTableModel::TitleColumn) << int(Qt::AscendingOrder)
                           << QStringLiteral("Campaign, Denial, Register breach, Sanctions");
    QTest::newRow("category") << int(EventTableModel::CategoryColumn) << int(Qt::AscendingOrder)
                              << QStringLiteral("Campaign, Denial, Register breach, Sanctions");
    QTest::newRow("disputed first") << int(EventTableModel::DisputedColumn) << int(Qt::DescendingOrder)
                                    << QStringLiteral("Campaign, Register breach, Sanctions, Denial");
}

void tst_EventTableModel::sortByColumns()
{
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QString, titles);
    m_model->sort(column, Qt::SortOrder(order));
    QStringList got;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        got << m_model->index(r, 0).data(TitleRole).toString();
    }
    QCOMPARE(got.join(QStringLiteral(", ")), titles);
    // A filter change keeps the sort: the rows are the sorted order without the hidden events.
    auto rows = [this] {
        QStringList out;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            out << m_model->index(r, 0).data(TitleRole).toString();
        }
        return out.join(QStringLiteral(", "));
    };
    EventFilter f;
    f.categories = {QStringLiteral("campaign"), QStringLiteral("denial")};
    m_session->selection()->setFilter(f);
    QStringList kept = titles.split(QStringLiteral(", "));
    kept.removeIf([](const QString &t) { return t != QLatin1String("Campaign") && t != QLatin1String("Denial"); });
    QCOMPARE(rows(), kept.join(QStringLiteral(", ")));
    m_session->selection()->setFilter({});
    QCOMPARE(rows(), titles);
}

void tst_EventTableModel::timelineRowsInTimeOrder()
{
    // Whatever the table's sort, the timeline gets the visible events in time order, at once.
    m_model->sort(EventTableModel::TitleColumn, Qt::DescendingOrder);
    auto events = [this] {
        QList<qsizetype> out;
        const auto rows = m_model->data(QModelIndex(), TimelineRowsRole).value<TimelineRows>();
        for (qsizetype i = 0; i < rows.count(); ++i) {
            out << rows[i].event;
        }
        return out;
    };
    QCOMPARE(events(), m_session->visibleEvents());
    QCOMPARE(events().size(), 4);
    EventFilter f;
    f.disputedOnly = true;
    m_session->selection()->setFilter(f);
    QCOMPARE(events(), m_session->visibleEvents());
    const auto rows = m_model->data(QModelIndex(), TimelineRowsRole).value<TimelineRows>();
    QCOMPARE(rows.count(), 2);
    QCOMPARE(rows.title(rows[0]), QStringLiteral("Register breach"));
    QCOMPARE(rows.actorNames(rows[1]), (QStringList {QStringLiteral("APT31"), QStringLiteral("UK government")}));
    QVERIFY(!m_model->data(QModelIndex(), Qt::DisplayRole).isValid());
}

void tst_EventTableModel::sortKeepsPersistentIndexes()
{
    const QPersistentModelIndex denial = m_model->index(1, EventTableModel::TitleColumn);
    QCOMPARE(denial.data().toString(), QStringLiteral("Denial"));
    m_model->sort(EventTableModel::TitleColumn);
    QCOMPARE(denial.data().toString(), QStringLiteral("Denial"));
    QCOMPARE(denial.row(), 1);
    m_model->sort(EventTableModel::DateColumn, Qt::DescendingOrder);
    QCOMPARE(denial.data().toString(), QStringLiteral("Denial"));
    QCOMPARE(denial.row(), 2);
}

void tst_EventTableModel::roles()
{
    const QModelIndex breach = m_model->index(0, 0);
    QCOMPARE(breach.data(EventIdRole).toString(), QStringLiteral("breach"));
    QCOMPARE(breach.data(EarliestDayRole).toLongLong(), QDate(2021, 1, 1).toJulianDay());
    QCOMPARE(breach.data(LatestDayRole).toLongLong(), QDate(2022, 12, 31).toJulianDay());
    QCOMPARE(breach.data(IsRangeRole).toBool(), true);
    QCOMPARE(breach.data(DisputedRole).toBool(), true);
    QCOMPARE(breach.data(ActorIdsRole).toStringList(), QStringList {QStringLiteral("apt31")});
    QCOMPARE(breach.data(ParticipantsRole).toStringList(), QStringList {QStringLiteral("APT31 (attacker)")});
    const QModelIndex campaign = m_model->index(3, 0);
    QCOMPARE(campaign.data(OpenStartRole).toBool(), true);
    QCOMPARE(campaign.data(ApproximateRole).toBool(), true);
    QCOMPARE(campaign.data(DateDescriptionRole).toString(),
             QStringLiteral(
                 "\u2026 \u2013 c. 25 Mar 2024 (range, from unknown to day precision; approximate end; stated in the "
                 "source)"));
}

// An event whose only point is one where an account is only less specific is not disputed: it says
// "less specific", sorts after the disputed ones, and the disputed-only filter leaves it out.
void tst_EventTableModel::specificityIsNotDisputed()
{
    QByteArray json = Test::SmallCase;
    json.replace("\"question\": \"How long?\",", "\"question\": \"How long?\", \"kind\": \"specificity\",");
    m_session->setCase(Test::loadCase(json));
    QCOMPARE(Test::snapshot(*m_model),
             QStringLiteral(
                 "2021\u201322 | Register breach | intrusion | APT31 | 1 | only less specific\n"
                 "Mar 2024 | Denial | denial | Chinese government | 1 | \n"
                 "25 Mar 2024 | Sanctions | sanction | UK government, Wuhan Xiaoruizhi | 1 | \n"
                 "\u2026 \u2013 c. 25 Mar 2024 | Campaign | campaign | APT31, UK government | 1 | only less specific"));
    QCOMPARE(m_model->index(0, 0).data(DisputedRole).toBool(), false);
    EventFilter f;
    f.disputedOnly = true;
    m_session->selection()->setFilter(f);
    QCOMPARE(m_model->rowCount(), 0);
    m_session->selection()->setFilter({});
    m_model->sort(EventTableModel::DisputedColumn, Qt::DescendingOrder);
    QCOMPARE(m_model->index(0, EventTableModel::DisputedColumn).data().toString(),
             QStringLiteral("only less specific"));
    QCOMPARE(m_model->index(3, EventTableModel::DisputedColumn).data().toString(), QString());
}

void tst_EventTableModel::newCaseResets()
{
    m_session->setCase(Test::builtinCase());
    QVERIFY(m_model->rowCount() > 20);
    m_session->setCase(nullptr);
    QCOMPARE(m_model->rowCount(), 0);
    m_session->setCase(Test::smallCase());
    QCOMPARE(m_model->rowCount(), 4);
}

void tst_EventTableModel::largeCaseSortsByCollation()
{
    // Large enough for the collation keys to be computed on several threads: the rows must come
    // out in collation order, equal titles in time order, and stay so through a filter.
    CaseSession session;
    session.setCase(std::make_shared<const Case>(
        CaseReader::readData(generateCase({25000, 6, 100, 50}), QStringLiteral("g"), {}).kase));
    EventTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(EventTableModel::TitleColumn);
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    const CaseIndex &index = session.index();
    auto checkSorted = [&] {
        for (int r = 1; r < model.rowCount(); ++r) {
            const qsizetype a = model.eventAt(r - 1);
            const qsizetype b = model.eventAt(r);
            const int c = collator.compare(index.kase().events[a].title, index.kase().events[b].title);
            QVERIFY2(c < 0 || (c == 0 && index.rankOf(a) < index.rankOf(b)),
                     qPrintable(index.kase().events[a].title + QStringLiteral(" | ") + index.kase().events[b].title));
        }
    };
    QCOMPARE(model.rowCount(), 25000);
    checkSorted();
    EventFilter f;
    f.categories = {QStringLiteral("intrusion")};
    session.selection()->setFilter(f);
    QVERIFY(model.rowCount() > 0 && model.rowCount() < 25000);
    checkSorted();
}

QTEST_GUILESS_MAIN(tst_EventTableModel)
#include "tst_eventtablemodel.moc"
