// Writes HTML pages for the browser check (tests/browser/check_htmlpage.py): the built-in case, the
// hostile case built in code, tests/data/hostile-markup.json, the non-Latin test case and a generated
// case of 500 events, each with a JSON file of what the
// rendered page must hold (the events' section ids, the strings a reader must see as text).

#include "builtincase.h"
#include "casegenerator.h"
#include "casereader.h"
#include "hostilecase.h"
#include "htmlpage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>

using namespace AT;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        std::fprintf(stderr, "htmlpage-samples: cannot write %s: %s\n", qPrintable(path),
                     qPrintable(file.errorString()));
        return false;
    }
    return true;
}

bool writeSample(const QDir &dir, const QString &name, const Case &kase, const QStringList &texts)
{
    QJsonArray anchors;
    for (qsizetype e = 0; e < kase.events.size(); ++e) {
        anchors.append(htmlEventAnchor(kase, e));
    }
    QJsonObject expected {{QStringLiteral("events"), anchors},
                          {QStringLiteral("texts"), QJsonArray::fromStringList(texts)}};
    return writeFile(dir.filePath(name + QStringLiteral(".html")), htmlPage(kase))
        && writeFile(dir.filePath(name + QStringLiteral(".expected.json")), QJsonDocument(expected).toJson());
}

Case load(const QString &path)
{
    CaseLoad load = CaseReader::readFile(path);
    if (!load.ok()) {
        std::fprintf(stderr, "htmlpage-samples: cannot read %s\n", qPrintable(path));
        std::exit(1);
    }
    return load.kase;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: htmlpage-samples OUTPUT-DIRECTORY\n");
        return 2;
    }
    const QDir dir(QString::fromLocal8Bit(argv[1]));
    if (!QDir().mkpath(dir.path())) {
        std::fprintf(stderr, "htmlpage-samples: cannot create %s\n", argv[1]);
        return 1;
    }
    bool ok = writeSample(dir, QStringLiteral("builtin"), load(builtinCasePath()), {});
    ok = ok && writeSample(dir, QStringLiteral("hostile"), Test::hostileCase(), Test::hostileTextMarkers());
    ok = ok
        && writeSample(dir, QStringLiteral("hostile-file"),
                       load(QStringLiteral(AT_SOURCE_DIR "/tests/data/hostile-markup.json")),
                       {QStringLiteral("</title><script>alert(1)</script>"), QStringLiteral("<blink>likely</blink>"),
                        QStringLiteral("</text><script>x</script>"), QStringLiteral("<script>alert(2)</script>")});
    ok = ok
        && writeSample(dir, QStringLiteral("nonlatin"), load(QStringLiteral(AT_SOURCE_DIR "/tests/data/nonlatin.json")),
                       {});
    GeneratorOptions large;
    large.events = 500;
    large.actors = 40;
    large.sources = 60;
    large.seed = 7;
    const CaseLoad generated = CaseReader::readData(generateCase(large), QStringLiteral("generated.json"), QString());
    ok = ok && generated.ok() && writeSample(dir, QStringLiteral("generated-500"), generated.kase, {});
    return ok ? 0 : 1;
}
