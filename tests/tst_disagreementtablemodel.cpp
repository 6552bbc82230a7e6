#include "disagreementtablemodel.h"
#include "roles.h"
#include "testcases.h"

#include <QAbstractItemModelTester>

using namespace AT;

class tst_DisagreementTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionsSideBySide();
    void builtinElectoralCommission();
    void specificityIsNoConflict();
};

void tst_DisagreementTableModel::versionsSideBySide()
{
    CaseSession session;
    DisagreementTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::smallCase());
    QCOMPARE(model.rowCount(), 0);
    session.selection()->setCurrentEvent(1); // "breach" is part of the disputed point d
    QCOMPARE(Test::snapshot(model),
             QStringLiteral("How long? | years \u201cran for years\u201d \u2014 Article B | "
                            "2021 \u201cin 2021\u201d \u2014 Article A"));
    QCOMPARE(model.index(0, 1).data(VersionStatementRole).toString(), QStringLiteral("years"));
    QCOMPARE(model.index(0, 0).data(DisagreementCardRole).toString(),
             QStringLiteral(
                 "How long?\nThe accounts conflict.\n\u25B8 years\n    \u201cran for years\u201d \u2014 Article B\n"
                 "\u25B8 2021\n    \u201cin 2021\u201d \u2014 Article A"));
    // A point without a kind is a conflict, on every cell, and the tooltip says so in words.
    for (int column = 0; column < model.columnCount(); ++column) {
        QCOMPARE(model.index(0, column).data(DisagreementKindRole).toString(), QStringLiteral("conflict"));
        QCOMPARE(model.index(0, column).data(Qt::ToolTipRole).toString(), QStringLiteral("The accounts conflict."));
    }
    session.selection()->setCurrentEvent(0); // "sanction" is not disputed
    QCOMPARE(model.rowCount(), 0);
    session.setCase(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void tst_DisagreementTableModel::builtinElectoralCommission()
{
    CaseSession session;
    DisagreementTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::builtinCase());
    const auto &events = session.kase().events;
    const auto it = std::find_if(events.cbegin(), events.cend(), [](const Event &e) {
        return e.id == QLatin1String("ev-2021-22-electoral-commission");
    });
    session.selection()->setCurrentEvent(it - events.cbegin());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), 5); // the question and up to four versions
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Which group breached the Electoral Commission?"));
    QCOMPARE(model.index(0, 0).data(DisagreementKindRole).toString(), QStringLiteral("conflict"));
    QVERIFY(model.index(1, 2).data().toString().startsWith(
        QStringLiteral("\"Potentially\" compromising millions more individuals' data")));
    QVERIFY(!model.index(1, 4).data().isValid()); // this point has two versions only
    // "Millions" beside "tens of millions" is only less specific, and reads so.
    QCOMPARE(model.index(1, 0).data(DisagreementKindRole).toString(), QStringLiteral("specificity"));
    QVERIFY(model.index(1, 0)
                .data(DisagreementCardRole)
                .toString()
                .startsWith(QStringLiteral(
                    "How many people's data did the Electoral Commission breach reach?\nNot a conflict: one account "
                    "is only less specific than another.\n")));
}

void tst_DisagreementTableModel::specificityIsNoConflict()
{
    QByteArray json = Test::SmallCase;
    json.replace("\"question\": \"How long?\",", "\"question\": \"How long?\", \"kind\": \"specificity\",");
    CaseSession session;
    DisagreementTableModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::loadCase(json));
    session.selection()->setCurrentEvent(1);
    QCOMPARE(model.rowCount(), 1);
    for (int column = 0; column < model.columnCount(); ++column) {
        QCOMPARE(model.index(0, column).data(DisagreementKindRole).toString(), QStringLiteral("specificity"));
        const QString tip = model.index(0, column).data(Qt::ToolTipRole).toString();
        QCOMPARE(tip, QStringLiteral("Not a conflict: one account is only less specific than another."));
    }
    const QString card = model.index(0, 0).data(DisagreementCardRole).toString();
    QVERIFY(card.contains(QStringLiteral("only less specific")));
    QVERIFY(!card.contains(QStringLiteral("conflict.")));
    QVERIFY(!card.contains(QStringLiteral("sources differ")));
}

QTEST_GUILESS_MAIN(tst_DisagreementTableModel)
#include "tst_disagreementtablemodel.moc"
