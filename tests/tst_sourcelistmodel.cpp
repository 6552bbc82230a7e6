#include "citationlistmodel.h"
#include "roles.h"
#include "sourcelistmodel.h"
#include "testcases.h"

#include <QAbstractItemModelTester>
#include <QFile>

using namespace AT;

class tst_SourceListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sourcesWithMetadataAndPassages();
    void citationsOfTheCurrentEvent();
    void anchorNamedOnlyWhenNotExact_data();
    void anchorNamedOnlyWhenNotExact();
    void referenceOnlySourcesAndCitations();
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

// A reference-only source is said to be one in the source list (display and tooltip), has no cited
// passages to shade, and its citations say "reference only: the text is not in the case" instead of
// a position.
void tst_SourceListModel::referenceOnlySourcesAndCitations()
{
    QFile file(QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-only.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto kase = Test::loadCase(file.readAll());
    QVERIFY(kase);
    CaseSession session;
    SourceListModel sources(&session);
    CitationListModel citations(&session);
    QAbstractItemModelTester sourceTester(&sources, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester citationTester(&citations, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(kase);
    QCOMPARE(Test::snapshot(sources),
             QStringLiteral("A short report | unknown | 26 Mar 2024 | 1\n"
                            "Report on the summons (reference only) | Example News | 26 Mar 2024 | 2\n"
                            "https://example.org/statements/denial (reference only, no title given) | unknown | "
                            "unknown | 1"));
    const QModelIndex ref1 = sources.index(1, 0);
    QVERIFY(ref1.data(ReferenceOnlyRole).toBool());
    QVERIFY(!sources.index(0, 0).data(ReferenceOnlyRole).toBool());
    QCOMPARE(ref1.data(SourceUrlRole).toString(), QStringLiteral("https://example.org/reports/summons"));
    QCOMPARE(ref1.data(CitationCountRole).toInt(), 2);
    QVERIFY(ref1.data(SourceTextRole).toString().isEmpty());
    QVERIFY(ref1.data(CitedPassagesRole).toList().isEmpty());
    QCOMPARE(ref1.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Report on the summons: reference only: the text is not in the case. "
                            "URL: https://example.org/reports/summons"));
    QVERIFY(sources.index(0, 0).data(Qt::ToolTipRole).isNull());
    QCOMPARE(sources.index(2, 0).data(Qt::ToolTipRole).toString(),
             QStringLiteral("https://example.org/statements/denial (reference only, no title given): reference only: "
                            "the text is not in the case. URL: https://example.org/statements/denial"));

    session.selection()->setCurrentEvent(0);
    QCOMPARE(citations.rowCount(), 2);
    const QModelIndex exact = citations.index(0);
    QVERIFY(!exact.data(ReferenceOnlyRole).toBool());
    const QModelIndex c = citations.index(1);
    QVERIFY(c.data(ReferenceOnlyRole).toBool());
    QVERIFY(!c.data(IsAnchoredRole).toBool());
    QCOMPARE(c.data(AnchorRole).toString(), QStringLiteral("reference only"));
    QCOMPARE(c.data(Utf16StartRole).toLongLong(), -1);
    QCOMPARE(c.data(Utf16EndRole).toLongLong(), -1);
    QCOMPARE(c.data(Qt::DisplayRole).toString(),
             QStringLiteral("\u201c\u2068summoned the ambassador\u2069\u201d\n\u2014 \u2068Report on the summons\u2069 "
                            "(reference only: the text is not in the case)"));
    QCOMPARE(c.data(Qt::ToolTipRole).toString(),
             QStringLiteral("Report on the summons, reference only: the text is not in the case; the "
                            "quote is not checked. URL: https://example.org/reports/summons"));
    // No "characters -1–-1" anywhere.
    QVERIFY(!c.data(Qt::ToolTipRole).toString().contains(QStringLiteral("-1")));
}

QTEST_GUILESS_MAIN(tst_SourceListModel)
#include "tst_sourcelistmodel.moc"
