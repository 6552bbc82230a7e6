#include <QTest>
class TstTimelineJs : public QObject { Q_OBJECT };
QTEST_GUILESS_MAIN(TstTimelineJs)
#include "tst_timelinejs.moc"
