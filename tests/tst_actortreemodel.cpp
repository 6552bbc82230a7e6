#include "actortreemodel.h"
#include "roles.h"
#include "testcases.h"

#include <QAbstractItemModelTester>

using namespace AT;

class tst_ActorTreeModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void groupedByKindWithCountsThatFollowTheFilter();
    void aliasesAndAffiliations();
};

void tst_ActorTreeModel::groupedByKindWithCountsThatFollowTheFilter()
{
    CaseSession session;
    ActorTreeModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::smallCase());
    QCOMPARE(Test::snapshot(model),
             QStringLiteral("company (1) | \n"
                            "  Wuhan Xiaoruizhi | 1\n"
                            "government (2) | \n"
                            "  Chinese government | 1\n"
                            "  UK government | 2\n"
                            "group (1) | \n"
                            "  APT31 | 2"));
    EventFilter f;
    f.disputedOnly = true;
    session.selection()->setFilter(f);
    QCOMPARE(Test::snapshot(model),
             QStringLiteral("company (1) | \n"
                            "  Wuhan Xiaoruizhi | 0\n"
                            "government (2) | \n"
                            "  Chinese government | 0\n"
                            "  UK government | 1\n"
                            "group (1) | \n"
                            "  APT31 | 2"));
    session.setCase(Test::builtinCase());
    QVERIFY(model.rowCount() > 5);
    session.setCase(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void tst_ActorTreeModel::aliasesAndAffiliations()
{
    CaseSession session;
    ActorTreeModel model(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    session.setCase(Test::builtinCase());
    const QModelIndex apt31 = model.indexOfActor(QStringLiteral("apt31"));
    QVERIFY(apt31.isValid());
    QCOMPARE(apt31.data().toString(), QStringLiteral("APT31"));
    QCOMPARE(apt31.parent().data(ActorKindRole).toString(), QStringLiteral("group"));
    const QStringList aliases = apt31.data(AliasesRole).toStringList();
    // Sources by their headlines (a long one shortened at a word), never by their ids.
    QVERIFY2(aliases.contains(QStringLiteral("Zirconium (per \u201c\u2068US and UK Sanction China Over "
                                             "Alleged\u2026\u2069\u201d)")),
             qPrintable(aliases.join(QLatin1Char('\n'))));
    QVERIFY(aliases.contains(
        QStringLiteral("APT 31 (per \u201c\u2068US and UK Sanction China Over Alleged\u2026\u2069\u201d, "
                       "\u201c\u2068US and UK sanctions Chinese State-backed\u2026\u2069\u201d)")));
    const QStringList affiliations = apt31.data(AffiliationsRole).toStringList();
    QVERIFY(affiliations.contains(QStringLiteral(
        "operates under the directives of (per the US Department of Justice) \u2192 Ministry of State Security")));
    const QModelIndex wuhan = model.indexOfActor(QStringLiteral("wuhan-xrz"));
    QVERIFY(wuhan.data(AffiliationsRole)
                .toStringList()
                .contains(QStringLiteral("front for (as the US Treasury calls it) \u2192 Ministry of State Security")));
    // Claims that APT31 makes or that are made about it, counted once each.
    int claims = 0;
    for (const Claim &c : session.kase().claims) {
        claims += c.attributorId == QLatin1String("apt31") || c.subjectId == QLatin1String("apt31");
    }
    QVERIFY(claims >= 9);
    QCOMPARE(apt31.data(ClaimCountRole).toInt(), claims);
}

QTEST_GUILESS_MAIN(tst_ActorTreeModel)
#include "tst_actortreemodel.moc"
