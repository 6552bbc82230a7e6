#include "casereader.h"
#include "casesession.h"
#include "roles.h"
#include "sentencecoveragemodel.h"
#include "sourcelistmodel.h"
#include "testcases.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>

using namespace AT;

namespace {
std::shared_ptr<const Case> oneUnreviewed()
{
    CaseLoad load = CaseReader::readFile(QStringLiteral(AT_SOURCE_DIR "/tests/data/coverage-one-unreviewed.json"));
    return load.ok() ? std::make_shared<const Case>(std::move(load.kase)) : nullptr;
}
} // namespace

class tst_SentenceCoverageModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsTheShownSource();
    void rolesOfASentence();
    void unreviewedCountOnSources();
};

void tst_SentenceCoverageModel::followsTheShownSource()
{
    CaseSession session;
    SentenceCoverageModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.summary().isEmpty());
    const auto kase = oneUnreviewed();
    QVERIFY(kase);
    session.setCase(kase);
    QCOMPARE(model.rowCount(), 0); // no source shown yet
    session.selection()->setCurrentSource(QStringLiteral("s1"));
    QCOMPARE(Test::snapshot(model),
             QStringLiteral("0\u201340 | cited | Hackers breached the commission in 2021. | event \u201cHackers breach "
                            "the commission\u201d\n"
                            "41\u201370 | cited | The agency said it was APT31. | claim by The agency: \u201cThe "
                            "agency says APT31 did it\u201d\n"
                            "72\u2013116 | unreviewed | A spokesman called the claims \x1b[31mbaseless. | \n"
                            "117\u2013145 | reviewed | Subscribe to our newsletter. | boilerplate"));
    QCOMPARE(model.summary(),
             QStringLiteral("\u201cA short report\u201d: 3 of 4 sentences accounted for (75%), 1 unreviewed"));
    // An edit of the case: the model follows.
    Case edited = *kase;
    edited.reviewed.clear();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    session.updateCase(std::make_shared<const Case>(edited));
    QVERIFY(reset.size() >= 1);
    QCOMPARE(model.summary(),
             QStringLiteral("\u201cA short report\u201d: 2 of 4 sentences accounted for (50%), 2 unreviewed"));
    session.selection()->setCurrentSource(QStringLiteral("nothing"));
    QCOMPARE(model.rowCount(), 0);
}

void tst_SentenceCoverageModel::rolesOfASentence()
{
    CaseSession session;
    SentenceCoverageModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(oneUnreviewed());
    session.selection()->setCurrentSource(QStringLiteral("s1"));
    const QModelIndex unreviewed = model.index(2, SentenceCoverageModel::SentenceColumn);
    QCOMPARE(unreviewed.data(SentenceStatusRole).toInt(), int(SentenceStatus::Unreviewed));
    QCOMPARE(unreviewed.data(StartRole).toLongLong(), 72);
    QCOMPARE(unreviewed.data(EndRole).toLongLong(), 116);
    QCOMPARE(unreviewed.data(Utf16StartRole).toLongLong(), 72); // ASCII and one escape: the same
    QCOMPARE(unreviewed.data(SentenceTextRole).toString(),
             QStringLiteral("A spokesman called the claims \x1b[31mbaseless."));
    QVERIFY(unreviewed.data(SentenceWhyRole).toString().startsWith(QStringLiteral("Unreviewed: ")));
    QCOMPARE(model.index(0, 0).data(SentenceWhyRole).toString(),
             QStringLiteral("Cited by event \u201cHackers breach the commission\u201d."));
    QCOMPARE(model.index(3, 0).data(SentenceWhyRole).toString(), QStringLiteral("Reviewed, not used: boilerplate."));
    QVERIFY(model.index(3, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(QStringLiteral("Subscribe to our newsletter.\n\n")));
    QCOMPARE(model.index(0, SentenceCoverageModel::StatusColumn).data(SortRole).toInt(), int(SentenceStatus::Cited));
    QCOMPARE(model.index(2, SentenceCoverageModel::PositionColumn).data(SortRole).toLongLong(), 72);
    QCOMPARE(model.headerData(SentenceCoverageModel::WhyColumn, Qt::Horizontal).toString(),
             QStringLiteral("Cited by / reason"));
}

void tst_SentenceCoverageModel::unreviewedCountOnSources()
{
    CaseSession session;
    SourceListModel sources(&session);
    QAbstractItemModelTester tester(&sources, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(oneUnreviewed());
    QCOMPARE(sources.index(0, 0).data(UnreviewedCountRole).toInt(), 1);
    session.setCase(Test::smallCase());
    // Article A: "Zirconium hit the Électoral register in 2021." and "Officials sanctioned Wuhan
    // Xiaoruizhi." are both cited; Article B: both sentences are cited too.
    QCOMPARE(sources.index(0, 0).data(UnreviewedCountRole).toInt(), 0);
    QCOMPARE(sources.index(1, 0).data(UnreviewedCountRole).toInt(), 0);
}

QTEST_MAIN(tst_SentenceCoverageModel)
#include "tst_sentencecoveragemodel.moc"
