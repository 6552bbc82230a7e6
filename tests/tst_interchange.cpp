#include "builtincase.h"
#include "caseloader.h"
#include "casereader.h"
#include "casewriter.h"
#include "dataexport.h"
#include "interchange.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace AT;

// Any file the app is given is recognised by its content and opens as a case: a case file as it is,
// a STIX bundle or a TimelineJS file converted (and then checked as a case); every data export is
// reachable by its name.
class tst_Interchange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recognisesFormatsByContent_data();
    void recognisesFormatsByContent();
    void recognisesByContentNotByName();
    void readsStixAsACase();
    void readsTimelineJsAsACase();
    void invalidBundleFailsWithThePlace();
    void caseFilesAreReadAsBefore();
    void loaderOpensEveryFormat();
    void everyDataExportHasOutput();
    void stixConvertsIntoASelfContainedCase();

private:
    static QString reference(const char *path)
    {
        return QStringLiteral(AT_SOURCE_DIR "/tests/data/reference-data/") + QLatin1String(path);
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

void tst_Interchange::recognisesFormatsByContent_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format");
    const int stix = int(FileFormat::Stix);
    const int tljs = int(FileFormat::TimelineJs);
    const int kase = int(FileFormat::Case);
    QTest::newRow("MITRE 2.0") << reference("mitre-attack/apt31-zirconium-bundle-stix20.json") << stix;
    QTest::newRow("MITRE 2.1") << reference("mitre-attack/apt31-zirconium-bundle-stix21-derived.json") << stix;
    QTest::newRow("MITRE single") << reference("mitre-attack/intrusion-set--4283ae19-69c7-4347-a35e-b56f08eb660b.json")
                                  << stix;
    QTest::newRow("SolarWinds") << reference("second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix20.json")
                                << stix;
    QTest::newRow("APT1") << reference("oasis-stix21/apt1.json") << stix;
    QTest::newRow("lone invalid identity") << reference("oasis-stix21/invalid/invalid_identity.json") << stix;
    QTest::newRow("lone invalid timestamp") << reference("oasis-stix21/invalid/invalid_timestamp.json") << stix;
    QTest::newRow("duplicate ids") << reference(
        "oasis-stix21/invalid/defining-campaigns-threat-actors-intrusion-sets.stix20-duplicate-ids.json")
                                   << stix;
    QTest::newRow("eras") << reference("timelinejs3/eras.json") << tljs;
    QTest::newRow("cosmo") << reference("timelinejs3/cosmo.json") << tljs;
    QTest::newRow("cosmo-mixed") << reference("timelinejs3/cosmo-mixed.json") << tljs;
    // Neither: the case reader's message says what the app opens.
    QTest::newRow("MISP galaxy") << reference("misp-galaxy/threat-actor-cluster-APT31-only.json") << kase;
    QTest::newRow("built-in case") << builtinCasePath() << kase;
}

void tst_Interchange::recognisesFormatsByContent()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const QByteArray data = read(path);
    QVERIFY(!data.isEmpty());
    QCOMPARE(int(sniffFormat(data)), format);
}

void tst_Interchange::recognisesByContentNotByName()
{
    QCOMPARE(sniffFormat("[1, 2]"), FileFormat::Unknown);
    QCOMPARE(sniffFormat(""), FileFormat::Unknown);
    QCOMPARE(sniffFormat("not json"), FileFormat::Unknown);
    // A byte-order mark, white space and escaped quotes in earlier values do not confuse it.
    QCOMPARE(sniffFormat("\xef\xbb\xbf \n{\"id\": \"x\\\"y\", \"type\" : \"bundle\", \"objects\": []}"),
             FileFormat::Stix);
    QCOMPARE(sniffFormat(R"({"objects": [{"type": "bundle"}], "type": "report"})"), FileFormat::Case);
    QCOMPARE(sniffFormat(R"({"type": "report", "id": "report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3"})"),
             FileFormat::Stix);
    // A long title slide before the events.
    const QByteArray title = QByteArray(200000, 'x');
    QCOMPARE(sniffFormat("{\"title\": {\"text\": {\"headline\": \"" + title + "\"}}, \"events\": []}"),
             FileFormat::TimelineJs);
    // A case file has "format" (and its own "events"), whatever its keys' order.
    QCOMPARE(sniffFormat(R"({"events": [], "format": "attribution-timeline-case"})"), FileFormat::Case);
    // A STIX bundle named .txt opens as STIX.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bundle.txt"));
    QFile::copy(reference("oasis-stix21/apt1.json"), path);
    const CaseLoad load = readAnyFile(path);
    QCOMPARE(load.convertedFrom, QStringLiteral("STIX bundle"));
}

void tst_Interchange::readsStixAsACase()
{
    const QString path = reference("oasis-stix21/apt1.json");
    const CaseLoad load = readAnyFile(path);
    QVERIFY2(load.ok(), qPrintable(load.problems.value(0).toString()));
    QCOMPARE(load.convertedFrom, QStringLiteral("STIX bundle"));
    QVERIFY(!load.notes.isEmpty());
    QVERIFY(!load.kase.actors.isEmpty());
    QVERIFY(!load.kase.sources.isEmpty());
    // Problems found after conversion name the file as converted.
    for (const Problem &p : load.problems) {
        QVERIFY2(p.file.startsWith(path), qPrintable(p.toString()));
    }
}

void tst_Interchange::readsTimelineJsAsACase()
{
    const CaseLoad load = readAnyFile(reference("timelinejs3/eras.json"));
    QVERIFY2(load.ok(), qPrintable(load.problems.value(0).toString()));
    QCOMPARE(load.convertedFrom, QStringLiteral("TimelineJS file"));
    // 20 slides and 3 eras.
    QCOMPARE(load.kase.events.size(), 23);
}

void tst_Interchange::invalidBundleFailsWithThePlace()
{
    const QString path = reference("oasis-stix21/invalid/invalid_identity.json");
    const CaseLoad load = readAnyFile(path);
    QVERIFY(!load.ok());
    QCOMPARE(load.convertedFrom, QStringLiteral("STIX bundle"));
    bool named = false;
    for (const Problem &p : load.problems) {
        // A lone object: the place is its own property.
        named = named || (p.isError() && p.file == path && p.path == QLatin1String("modified"));
    }
    QVERIFY2(named, qPrintable(load.problems.value(0).toString()));
}

void tst_Interchange::caseFilesAreReadAsBefore()
{
    const CaseLoad viaAny = readAnyFile(builtinCasePath());
    const CaseLoad direct = CaseReader::readFile(builtinCasePath());
    QVERIFY(viaAny.ok());
    QVERIFY(viaAny.convertedFrom.isEmpty());
    QVERIFY(viaAny.kase == direct.kase);
    // A missing file is the case reader's to explain.
    const QString missing = QStringLiteral("/nonexistent/case.json");
    QVERIFY(!readAnyFile(missing).ok());
    QCOMPARE(readAnyFile(missing).problems, CaseReader::readFile(missing).problems);
}

void tst_Interchange::loaderOpensEveryFormat()
{
    for (const char *file : {"oasis-stix21/apt1.json", "timelinejs3/cosmo-mixed.json",
                             "second-case-solarwinds/solarwinds-c0024-apt29-bundle-stix21-derived.json"}) {
        const CaseLoader::Result result = CaseLoader::load(reference(file));
        QVERIFY2(result.outcome == CaseLoader::Outcome::Opened, file);
        QVERIFY(result.index);
        QVERIFY(!result.load.convertedFrom.isEmpty());
    }
}

void tst_Interchange::everyDataExportHasOutput()
{
    const CaseLoad load = CaseReader::readFile(builtinCasePath());
    QVERIFY(load.ok());
    QStringList names;
    for (const DataExport &e : dataExports()) {
        names << e.name;
        QVERIFY(dataExport(e.name) == &e);
        const QByteArray bytes = writeDataExport(e.name, load.kase);
        QVERIFY2(!bytes.isEmpty(), qPrintable(e.name));
        if (e.name == QLatin1String("html")) {
            QVERIFY(bytes.trimmed().toLower().startsWith("<!doctype html>"));
        } else if (e.name == QLatin1String("ftm")) {
            // JSON lines: every line an object.
            for (const QByteArray &line : bytes.trimmed().split('\n')) {
                QJsonParseError error;
                QVERIFY2(QJsonDocument::fromJson(line, &error).isObject(), qPrintable(error.errorString()));
            }
        } else {
            QJsonParseError error;
            QVERIFY2(QJsonDocument::fromJson(bytes, &error).isObject(),
                     qPrintable(e.name + QLatin1String(": ") + error.errorString()));
        }
    }
    QCOMPARE(names,
             QStringList({QStringLiteral("case"), QStringLiteral("stix"), QStringLiteral("timelinejs"),
                          QStringLiteral("html"), QStringLiteral("ftm"), QStringLiteral("annotations")}));
    QVERIFY(writeDataExport(u"no-such-export", load.kase).isEmpty());
    // The timeline lane changes the groups only.
    DataExportOptions byActor;
    byActor.lane = TimelineLane::Actor;
    QVERIFY(writeDataExport(u"timelinejs", load.kase, byActor) != writeDataExport(u"timelinejs", load.kase));
}

void tst_Interchange::stixConvertsIntoASelfContainedCase()
{
    // --export case of a STIX bundle: the case file it writes reads back clean, and again gives the same bytes.
    const CaseLoad load = readAnyFile(reference("oasis-stix21/apt1.json"));
    QVERIFY(load.ok());
    const QByteArray json = writeDataExport(u"case", load.kase);
    const CaseLoad again = CaseReader::readData(json, QStringLiteral("apt1-case.json"), QString());
    QVERIFY2(again.ok(), qPrintable(again.problems.value(0).toString()));
    QVERIFY(again.convertedFrom.isEmpty());
    QCOMPARE(CaseWriter::toJson(again.kase), json);
    // The built-in case's texts live in the app's resources: the export embeds them.
    const CaseLoad builtin = CaseReader::readFile(builtinCasePath());
    for (const Source &s : selfContained(builtin.kase).sources) {
        QVERIFY(s.path.isEmpty());
        QVERIFY(!s.text.isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_Interchange)
#include "tst_interchange.moc"
