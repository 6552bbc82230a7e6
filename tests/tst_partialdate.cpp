#include "partialdate.h"

#include <QTest>

using namespace AT;

class tst_PartialDate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data();
    void parse();
};

void tst_PartialDate::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("year") << QStringLiteral("2018") << true;
    QTest::newRow("bad day") << QStringLiteral("2023-02-30") << false;
}

void tst_PartialDate::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(DatePoint::fromIsoString(text).has_value(), valid);
}

QTEST_GUILESS_MAIN(tst_PartialDate)
#include "tst_partialdate.moc"
