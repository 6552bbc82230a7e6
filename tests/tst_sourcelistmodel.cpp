#include "citationlistmodel.h"
#include "roles.h"
#include "sourcelistmodel.h"
#include "testcases.h"

#include <QAbstractItemModelTester>

using namespace AT;

class tst_SourceListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sourcesWithMetadataAndPassages();
    void citationsOfTheCurrentEvent();
    void anchorNamedOnlyWhenNotExact_data();
    void anchorNamedOnlyWhenNotExact();
};

void tst_SourceListModel::sourcesWithMetadataAndPassages()
{
    CaseSession session;
    SourceListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::smallCase());
    QCOMPARE(Test::snapshot(model),
             QStringLiteral("Article A | unknown | unknown | 5\nArticle B | unknown | unknown | 4"));
    const QVariantList passages = model.index(1, 0).data(CitedPassagesRole).toList();
    // "Beijing denied it" is cited by an event and a claim but is one passage; "ran for years" lies
    // inside "The campaign ran for years" and stays a passage of its own.
    QCOMPARE(passages.size(), 3);
    const QVariantMap first = passages[0].toMap();
    QCOMPARE(first.value(QStringLiteral("start")).toLongLong(), 0);
    QCOMPARE(first.value(QStringLiteral("end")).toLongLong(), 17);
    QCOMPARE(first.value(QStringLiteral("events")).value<QList<qsizetype>>(), QList<qsizetype> {2});
    session.setCase(Test::builtinCase());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(0, SourceListModel::PublisherColumn).data().toString(), QStringLiteral("unknown"));
}

void tst_SourceListModel::citationsOfTheCurrentEvent()
{
    CaseSession session;
    CitationListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::smallCase());
    QCOMPARE(model.rowCount(), 0);
    session.selection()->setCurrentEvent(1);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex c = model.index(0);
    QCOMPARE(c.data(QuoteRole).toString(), QStringLiteral("hit the \u00c9lectoral register"));
    QCOMPARE(c.data(SourceTitleRole).toString(), QStringLiteral("Article A"));
    QCOMPARE(c.data(AnchorRole).toString(), QStringLiteral("anchored"));
    QCOMPARE(c.data(Utf16StartRole).toLongLong(), 10);
    // An exact anchor goes without saying; only the exceptions are named.
    QCOMPARE(c.data(Qt::DisplayRole).toString(),
             QStringLiteral("\u201c\u2068hit the \u00c9lectoral register\u2069\u201d\n\u2014 \u2068Article A\u2069"));
    session.selection()->setCurrentEvent(-1);
    QCOMPARE(model.rowCount(), 0);
    session.selection()->setCurrentEvent(3);
    session.setCase(Test::builtinCase()); // a new case clears the current event
    QCOMPARE(model.rowCount(), 0);
}

void tst_SourceListModel::anchorNamedOnlyWhenNotExact_data()
{
    QTest::addColumn<int>("anchor");
    QTest::addColumn<QString>("suffix");
    QTest::newRow("exact") << int(Citation::Anchor::Exact) << QString();
    QTest::newRow("re-anchored") << int(Citation::Anchor::Reanchored) << QStringLiteral(" (re-anchored)");
    QTest::newRow("ambiguous") << int(Citation::Anchor::Ambiguous) << QStringLiteral(" (ambiguous)");
    QTest::newRow("orphaned") << int(Citation::Anchor::Orphaned) << QStringLiteral(" (orphaned)");
}

void tst_SourceListModel::anchorNamedOnlyWhenNotExact()
{
    QFETCH(int, anchor);
    QFETCH(QString, suffix);
    Case kase = *Test::smallCase();
    kase.events[1].citations[0].anchor = static_cast<Citation::Anchor>(anchor);
    CaseSession session;
    CitationListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(std::make_shared<const Case>(kase));
    session.selection()->setCurrentEvent(1);
    QCOMPARE(model.rowCount(), 1);
    const QModelIndex c = model.index(0);
    QCOMPARE(c.data(Qt::DisplayRole).toString(),
             QStringLiteral("\u201c\u2068hit the \u00c9lectoral register\u2069\u201d\n\u2014 \u2068Article A\u2069")
                 + suffix);
    QCOMPARE(c.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Article A, characters %1\u2013%2")
                     .arg(c.data(StartRole).toLongLong())
                     .arg(c.data(EndRole).toLongLong())
                 + (suffix.isEmpty() ? QString() : QStringLiteral(", ") + suffix.mid(2).chopped(1)));
}

QTEST_GUILESS_MAIN(tst_SourceListModel)
#include "tst_sourcelistmodel.moc"
