#include "claimlistmodel.h"
#include "roles.h"
#include "testcases.h"

#include <QAbstractItemModelTester>

using namespace AT;

class tst_ClaimListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whoSaysWhat();
};

void tst_ClaimListModel::whoSaysWhat()
{
    CaseSession session;
    ClaimListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::smallCase());
    QCOMPARE(model.rowCount(), 0);
    session.selection()->setCurrentEvent(1); // "breach"
    QCOMPARE(Test::snapshot(model),
             QStringLiteral("UK government | \u201chighly likely\u201d | APT31 did it | APT31 | Chinese government\n"
                            "Chinese government | (no wording) | We did not | Chinese government | "));
    QCOMPARE(model.index(0, 0).data(DisputedByRole).toStringList(),
             QStringList {QStringLiteral("Chinese government: We did not")});
    QCOMPARE(model.index(1, 0).data(DisputesRole).toStringList(), QStringList {QStringLiteral("APT31 did it")});
    QCOMPARE(model.index(0, 0).data(ConfidenceRole).toString(), QStringLiteral("highly likely"));
    // No event: the claims made by or about the current actor.
    session.selection()->setCurrentEvent(-1);
    session.selection()->setCurrentActor(QStringLiteral("apt31"));
    QCOMPARE(model.rowCount(), 1);
    session.selection()->setCurrentActor(QStringLiteral("cn"));
    QCOMPARE(model.rowCount(), 1);
    session.setCase(Test::builtinCase());
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(tst_ClaimListModel)
#include "tst_claimlistmodel.moc"
