#include "casegenerator.h"
#include "casereader.h"
#include "casereport.h"

#include <QSet>
#include <QTest>

using namespace AT;

class tst_CaseGenerator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void generatesAValidCase();
    void isDeterministic();
};

void tst_CaseGenerator::generatesAValidCase()
{
    GeneratorOptions o;
    o.events = 2000;
    o.seed = 7;
    const CaseLoad load = CaseReader::readData(generateCase(o), QStringLiteral("synthetic.json"), QString());
    QStringList problems;
    for (const Problem &p : load.problems) {
        problems << p.toString();
    }
    QVERIFY2(load.problems.isEmpty(), qPrintable(problems.mid(0, 5).join(QLatin1Char('\n'))));
    const Case &c = load.kase;
    QCOMPARE(c.events.size(), 2000);
    QCOMPARE(c.actors.size(), 500);
    QCOMPARE(c.sources.size(), 1000);
    // Every citation anchors exactly, non-ASCII and astral text included.
    const CitationCounts counts = countCitations(c);
    QCOMPARE(counts.exact, counts.total);
    QVERIFY(counts.total >= 2 * 2000);
    // Mixed precisions, ranges and open ends; dates over decades.
    QSet<int> precisions;
    int ranges = 0;
    int open = 0;
    int nonAscii = 0;
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    for (const Event &e : c.events) {
        precisions.insert(int(e.date.start().isValid() ? e.date.start().precision() : e.date.end().precision()));
        ranges += e.date.isRange() ? 1 : 0;
        open += (e.date.isOpenStart() || e.date.isOpenEnd()) ? 1 : 0;
        first = std::min(first, e.date.earliestJulianDay());
        last = std::max(last, e.date.latestJulianDay());
        for (QChar ch : e.title) {
            if (ch.unicode() > 127) {
                ++nonAscii;
                break;
            }
        }
    }
    QCOMPARE(precisions.size(), 3);
    QVERIFY(ranges > 100 && open > 10);
    QVERIFY(last - first > 365 * 20);
    QVERIFY2(nonAscii > 2000 / 20, qPrintable(QString::number(nonAscii)));
    // Zipf: the busiest actor takes part in many more events than the median one.
    QHash<QString, int> participation;
    for (const Event &e : c.events) {
        for (const Participant &p : e.participants) {
            ++participation[p.actorId];
        }
    }
    QVERIFY(participation.value(QStringLiteral("a0")) > 10 * std::max(1, participation.value(QStringLiteral("a250"))));
}

void tst_CaseGenerator::isDeterministic()
{
    GeneratorOptions o;
    o.events = 300;
    o.seed = 42;
    QCOMPARE(generateCase(o), generateCase(o));
    GeneratorOptions other = o;
    other.seed = 43;
    QVERIFY(generateCase(o) != generateCase(other));
}

QTEST_GUILESS_MAIN(tst_CaseGenerator)
#include "tst_casegenerator.moc"
