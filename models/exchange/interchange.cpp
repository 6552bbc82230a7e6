#include "interchange.h"

#include "casewriter.h"
#include "stiximport.h"
#include "timelinejs.h"

#include <QFile>
#include <QFileInfo>

namespace AT {

namespace {

// The top-level keys of a JSON object, read without parsing values beyond what skipping them needs;
// stops after `limit` bytes. Enough to tell the formats apart.
struct TopLevel
{
    bool isObject = false;
    QList<QByteArray> keys;
    QByteArray typeValue; // the string value of "type", when it is a string
    QByteArray formatValue; // the string value of "format", when it is a string
    QByteArray idValue; // the string value of "id", when it is a string
};

TopLevel topLevelOf(const QByteArray &data, qsizetype limit)
{
    TopLevel out;
    const qsizetype n = std::min(data.size(), limit);
    qsizetype i = 0;
    auto skipSpace = [&] {
        while (i < n && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')) {
            ++i;
        }
    };
    auto readString = [&](QByteArray *into) {
        // at the opening quote
        ++i;
        while (i < n && data[i] != '"') {
            if (data[i] == '\\') {
                if (into) {
                    into->append(data[i]);
                }
                ++i;
            }
            if (i < n && into) {
                into->append(data[i]);
            }
            ++i;
        }
        ++i; // the closing quote
        return i <= n;
    };
    // Skips one value at the top level's nesting depth.
    auto skipValue = [&](QByteArray *stringValue) {
        skipSpace();
        if (i >= n) {
            return false;
        }
        if (data[i] == '"') {
            return readString(stringValue);
        }
        int depth = 0;
        while (i < n) {
            const char c = data[i];
            if (c == '"') {
                if (!readString(nullptr)) {
                    return false;
                }
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    return true; // the end of the enclosing object: the value was a scalar
                }
                --depth;
                if (depth == 0) {
                    ++i;
                    return true;
                }
            } else if (depth == 0 && c == ',') {
                return true;
            }
            ++i;
        }
        return false;
    };
    if (n >= 3 && uchar(data[0]) == 0xef && uchar(data[1]) == 0xbb && uchar(data[2]) == 0xbf) {
        i = 3;
    }
    skipSpace();
    if (i >= n || data[i] != '{') {
        return out;
    }
    out.isObject = true;
    ++i;
    while (true) {
        skipSpace();
        if (i >= n || data[i] != '"') {
            return out;
        }
        QByteArray key;
        if (!readString(&key)) {
            return out;
        }
        skipSpace();
        if (i >= n || data[i] != ':') {
            return out;
        }
        ++i;
        out.keys.append(key);
        QByteArray value;
        skipSpace();
        const bool isString = i < n && data[i] == '"';
        if (!skipValue(&value)) {
            return out;
        }
        if (isString && key == "type") {
            out.typeValue = value;
        } else if (isString && key == "format") {
            out.formatValue = value;
        } else if (isString && key == "id") {
            out.idValue = value;
        }
        skipSpace();
        if (i < n && data[i] == ',') {
            ++i;
            continue;
        }
        return out;
    }
}

} // namespace

FileFormat sniffFormat(const QByteArray &data)
{
    // The keys of a case file or a STIX bundle come first in practice, but a TimelineJS file may put
    // a long "title" slide before its "events"; a megabyte covers any real header.
    const TopLevel top = topLevelOf(data, qsizetype(1) << 20);
    if (!top.isObject) {
        return FileFormat::Unknown;
    }
    if (!top.formatValue.isEmpty() || top.keys.contains("format")) {
        return FileFormat::Case;
    }
    if (top.typeValue == "bundle") {
        return FileFormat::Stix;
    }
    // A lone STIX object (as the OASIS examples give them): "type" and a "type--UUID" id. The
    // importer reads it as a bundle of one.
    if (!top.typeValue.isEmpty() && top.idValue.startsWith(QByteArray(top.typeValue + "--"))) {
        return FileFormat::Stix;
    }
    if (top.keys.contains("events") && !top.keys.contains("sources") && !top.keys.contains("actors")) {
        return FileFormat::TimelineJs;
    }
    return FileFormat::Case;
}

QString formatDisplayName(FileFormat format)
{
    switch (format) {
    case FileFormat::Case:
        return QStringLiteral("case file");
    case FileFormat::Stix:
        return QStringLiteral("STIX bundle");
    case FileFormat::TimelineJs:
        return QStringLiteral("TimelineJS file");
    case FileFormat::Unknown:
        break;
    }
    return QStringLiteral("file of unknown format");
}

} // namespace AT

namespace AT {

namespace {

CaseLoad convertedCase(FileFormat format, const QByteArray &data, const QString &displayName,
                       const ReadControl &control)
{
    control.report(ReadControl::Parsing, 0);
    Conversion conversion
        = format == FileFormat::Stix ? caseFromStix(data, displayName) : caseFromTimelineJs(data, displayName);
    CaseLoad load;
    if (hasErrors(conversion.problems)) {
        load.problems = std::move(conversion.problems);
        load.convertedFrom = formatDisplayName(format);
        load.notes = std::move(conversion.notes);
        return load;
    }
    control.report(ReadControl::Parsing, 1);
    // Through the writer and the reader: the converted case is checked and anchored like any other.
    const QByteArray json = CaseWriter::toJson(conversion.kase);
    ReadControl checking;
    checking.cancel = control.cancel;
    checking.progress = [&control](ReadControl::Stage stage, double fraction) {
        if (stage == ReadControl::Checking) {
            control.report(stage, fraction);
        }
    };
    load = CaseReader::readData(json, QStringLiteral("%1 (as converted to a case)").arg(displayName), QString(),
                                checking);
    if (load.cancelled) {
        return load;
    }
    // The conversion's own warnings come first: they name places in the file as given.
    load.problems = conversion.problems + load.problems;
    if (load.problems.size() > CaseReader::MaxProblems) {
        for (qsizetype i = CaseReader::MaxProblems; i < load.problems.size(); ++i) {
            (load.problems[i].isError() ? load.unlistedErrors : load.unlistedWarnings) += 1;
        }
        load.problems.resize(CaseReader::MaxProblems);
    }
    load.convertedFrom = formatDisplayName(format);
    load.notes = std::move(conversion.notes);
    return load;
}

} // namespace

CaseLoad readAnyData(const QByteArray &data, const QString &displayName, const QString &baseDir,
                     const ReadControl &control)
{
    const FileFormat format = sniffFormat(data);
    if (format == FileFormat::Stix || format == FileFormat::TimelineJs) {
        return convertedCase(format, data, displayName, control);
    }
    return CaseReader::readData(data, displayName, baseDir, control);
}

CaseLoad readAnyFile(const QString &path, const ReadControl &control)
{
    QFile file(path);
    // Only a regular file is looked into here; anything else goes to the case reader, whose messages
    // say what is wrong (missing, a folder, a FIFO, unreadable).
    const QFileInfo info(path);
    if (!info.isFile() || !file.open(QIODevice::ReadOnly)) {
        return CaseReader::readFile(path, control);
    }
    const QByteArray head = file.peek(qint64(1) << 20);
    const FileFormat format = sniffFormat(head);
    if (format != FileFormat::Stix && format != FileFormat::TimelineJs) {
        file.close();
        return CaseReader::readFile(path, control);
    }
    if (file.size() > CaseReader::MaxCaseFileBytes) {
        CaseLoad load;
        load.problems.append({Problem::Severity::Error,
                              path,
                              {},
                              0,
                              0,
                              QStringLiteral("the %1 is %2 MiB; files over %3 MiB are not opened")
                                  .arg(formatDisplayName(format))
                                  .arg(file.size() >> 20)
                                  .arg(CaseReader::MaxCaseFileBytes >> 20)});
        return load;
    }
    control.report(ReadControl::Reading, 0);
    const QByteArray data = file.readAll();
    if (control.cancelled()) {
        CaseLoad load;
        load.cancelled = true;
        return load;
    }
    control.report(ReadControl::Reading, 1);
    return convertedCase(format, data, path, control);
}

} // namespace AT
