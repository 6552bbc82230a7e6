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
    void estimativeBandBesideTheWords();
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
             QStringLiteral("UK government | \u201chighly likely\u201d (PHIA: 80\u201390%) | APT31 did it | APT31 | "
                            "Chinese government\n"
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

// The band the wording stands for on the speaker's yardstick, beside the words and never instead of
// them; none where the speaker's yardstick is not known or the words are not one of its terms.
void tst_ClaimListModel::estimativeBandBesideTheWords()
{
    CaseSession session;
    ClaimListModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::builtinCase());
    session.selection()->setCurrentActor(QStringLiteral("uk-ncsc"));
    QMap<QString, QModelIndex> byId;
    for (int r = 0; r < model.rowCount(); ++r) {
        byId.insert(model.index(r, 0).data(ClaimIdRole).toString(), model.index(r, 0));
    }
    const QModelIndex highly = byId.value(QStringLiteral("cl-ncsc-ec"));
    QVERIFY(highly.isValid());
    QCOMPARE(highly.data(ConfidenceRole).toString(), QStringLiteral("highly likely"));
    QCOMPARE(highly.data(EstimativeBandRole).toString(), QStringLiteral("PHIA: 80\u201390%"));
    QCOMPARE(highly.siblingAtColumn(ClaimListModel::ConfidenceColumn).data().toString(),
             QStringLiteral("\u201chighly likely\u201d (PHIA: 80\u201390%)"));
    QVERIFY(highly.data(ClaimCardRole)
                .toString()
                .startsWith(QStringLiteral(
                    "National Cyber Security Centre \u2014 \u201chighly likely\u201d (PHIA: 80\u201390%)\n")));
    const QString tip = highly.data(EstimativeBandToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("UK PHIA probability yardstick")));
    QVERIFY(tip.contains(QStringLiteral("Explaining Uncertainty in UK Intelligence Assessment")));
    QVERIFY(tip.contains(QStringLiteral("National Cyber Security Centre \u2192 UK government")));
    QVERIFY(highly.data(Qt::ToolTipRole).toString().endsWith(tip));
    QCOMPARE(byId.value(QStringLiteral("cl-ncsc-ec-stole")).data(EstimativeBandRole).toString(),
             QStringLiteral("PHIA: 55\u201375%"));
    // A claim with no wording has no band; the tooltip holds only the quotes.
    const QModelIndex none = byId.value(QStringLiteral("cl-ncsc-recon"));
    QVERIFY(none.isValid());
    QCOMPARE(none.data(EstimativeBandRole).toString(), QString());
    QCOMPARE(none.data(EstimativeBandToolTipRole).toString(), QString());
    QVERIFY(!none.data(Qt::ToolTipRole).toString().contains(QStringLiteral("yardstick")));

    // "may have" and "believe" are not terms of the UK yardstick: the words alone.
    session.selection()->setCurrentActor(QStringLiteral("uk-intelligence"));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, 0).data(ConfidenceRole).toString(), QStringLiteral("believe"));
    QCOMPARE(model.index(0, 0).data(EstimativeBandRole).toString(), QString());
    QCOMPARE(model.index(0, ClaimListModel::ConfidenceColumn).data().toString(), QStringLiteral("\u201cbelieve\u201d"));
}

QTEST_GUILESS_MAIN(tst_ClaimListModel)
#include "tst_claimlistmodel.moc"
