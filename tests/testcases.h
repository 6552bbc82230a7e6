#pragma once

// Small cases shared by the model tests.

#include "builtincase.h"
#include "casereader.h"
#include "casesession.h"

#include <QAbstractItemModel>
#include <QStringList>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

namespace AT::Test {

// Four events with mixed date precisions, accents, an alias and a disputed point; a claim whose
// confidence wording its quote lacks, accepted (casechecks.h).
inline constexpr const char *SmallCase = R"({
    "format": "attribution-timeline-case", "version": 1, "title": "Small",
    "sources": [
        {"id": "a", "title": "Article A", "text": "Zirconium hit the Électoral register in 2021. Officials sanctioned Wuhan Xiaoruizhi."},
        {"id": "b", "title": "Article B", "text": "Beijing denied it. The campaign ran for years."}
    ],
    "actors": [
        {"id": "apt31", "name": "APT31", "kind": "group",
         "aliases": [{"name": "Zirconium", "citations": [{"source": "a", "quote": "Zirconium", "start": 0, "end": 9}]}]},
        {"id": "uk", "name": "UK government", "kind": "government"},
        {"id": "cn", "name": "Chinese government", "kind": "government"},
        {"id": "wx", "name": "Wuhan Xiaoruizhi", "kind": "company"}
    ],
    "disagreements": [
        {"id": "d", "question": "How long?", "versions": [
            {"statement": "years", "citations": [{"source": "b", "quote": "ran for years", "start": 32, "end": 45}]},
            {"statement": "2021", "citations": [{"source": "a", "quote": "in 2021", "start": 37, "end": 44}]}]}
    ],
    "events": [
        {"id": "sanction", "title": "Sanctions", "category": "sanction", "date": {"start": "2024-03-25"},
         "participants": [{"actor": "uk", "role": "sanctioner"}, {"actor": "wx", "role": "sanctioned"}],
         "citations": [{"source": "a", "quote": "Officials sanctioned Wuhan Xiaoruizhi", "start": 46, "end": 83}]},
        {"id": "breach", "title": "Register breach", "category": "intrusion", "date": {"start": "2021", "end": "2022"},
         "participants": [{"actor": "apt31", "role": "attacker"}],
         "citations": [{"source": "a", "quote": "hit the Électoral register", "start": 10, "end": 36}], "disagreements": ["d"]},
        {"id": "denial", "title": "Denial", "category": "denial", "date": {"start": "2024-03"},
         "participants": [{"actor": "cn", "role": "denier"}, {"actor": "cn", "role": "spokesperson"}],
         "citations": [{"source": "b", "quote": "Beijing denied it", "start": 0, "end": 17}]},
        {"id": "campaign", "title": "Campaign", "category": "campaign", "date": {"start": null, "end": "2024-03-25", "approximate": true},
         "participants": [{"actor": "apt31", "role": "attacker"}, {"actor": "uk", "role": "target"}],
         "citations": [{"source": "b", "quote": "The campaign ran for years", "start": 19, "end": 45}], "disagreements": ["d"]}
    ],
    "claims": [
        {"id": "c1", "attributor": "uk", "subject": "apt31", "event": "breach", "statement": "APT31 did it",
         "confidence": "highly likely", "citations": [{"source": "a", "quote": "Zirconium hit", "start": 0, "end": 13}],
         "acceptedWarnings": [{"rule": "confidence-not-quoted",
                               "reason": "a fixture: the wording stands for one its short source does not give"}]},
        {"id": "c2", "attributor": "cn", "subject": "cn", "event": "breach", "statement": "We did not",
         "confidence": null, "citations": [{"source": "b", "quote": "Beijing denied it", "start": 0, "end": 17}], "disputes": ["c1"]}
    ]
})";

inline std::shared_ptr<const Case> loadCase(const QByteArray &json)
{
    CaseLoad load = CaseReader::readData(json, QStringLiteral("small.json"), QString());
    if (!load.ok() || !load.problems.isEmpty()) {
        for (const Problem &p : load.problems) {
            qWarning("%s", qPrintable(p.toString()));
        }
        return nullptr;
    }
    return std::make_shared<const Case>(std::move(load.kase));
}

inline std::shared_ptr<const Case> smallCase()
{
    return loadCase(SmallCase);
}

inline std::shared_ptr<const Case> builtinCase()
{
    CaseLoad load = CaseReader::readFile(builtinCasePath());
    return load.ok() ? std::make_shared<const Case>(std::move(load.kase)) : nullptr;
}

// A model dumped as indented text lines, one row each, columns joined by " | ".
inline QString snapshot(const QAbstractItemModel &model, const QModelIndex &parent = {}, int depth = 0)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(parent); ++c) {
            cells << model.index(r, c, parent).data().toString().replace(QLatin1Char('\n'), QLatin1Char(' '));
        }
        lines << QString(depth * 2, QLatin1Char(' ')) + cells.join(QStringLiteral(" | "));
        const QString children = snapshot(model, model.index(r, 0, parent), depth + 1);
        if (!children.isEmpty()) {
            lines << children;
        }
    }
    return lines.join(QLatin1Char('\n'));
}

// Runs f() while this process may write files of at most `bytes` bytes: a disk that fills up
// mid-write, as far as the process can tell. Unlike a read-only folder, it works even as root.
template<typename F> auto withFileSizeLimit(rlim_t bytes, F f)
{
    struct rlimit old;
    getrlimit(RLIMIT_FSIZE, &old);
    const auto handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit capped = old;
    capped.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &capped);
    auto result = f();
    setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, handler);
    return result;
}

// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records, embedded newlines.
inline QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace AT::Test
