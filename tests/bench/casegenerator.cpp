#include "casegenerator.h"

#include "casewriter.h"

#include <QDate>
#include <QList>
#include <QString>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace AT {

namespace {

// splitmix64: the same sequence on every platform and standard library (std distributions are not).
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed)
    { }
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, n).
    qint64 below(qint64 n) { return n <= 0 ? 0 : static_cast<qint64>(next() % static_cast<quint64>(n)); }
    double unit() { return (next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }

private:
    quint64 m_state;
};

const std::array<const char *, 48> Words
    = {"network",  "ministry", "campaign", "espionage", "report",   "officials", "sanctions",      "hackers",
       "emails",   "accounts", "servers",  "malware",   "phishing", "election",  "agency",         "targets",
       "company",  "front",    "group",    "access",    "data",     "breach",    "spear",          "links",
       "tracking", "indicted", "charged",  "denied",    "claims",   "evidence",  "security",       "national",
       "critical", "systems",  "cloud",    "router",    "vpn",      "exchange",  "zero-day",       "exploit",
       "foreign",  "state",    "backed",   "alleged",   "likely",   "highly",    "reconnaissance", "lawmakers"};

// Non-ASCII words: accents, curly quotes, a non-breaking space, CJK and an astral emoji.
const std::array<const char16_t *, 8> Foreign = {u"Électoral",     u"Zürich",     u"ministère", u"“quoted”",
                                                 u"net\u00a0work", u"国家安全部", u"Škoda",     u"alert\U0001F6A8"};

QString word(Random &rng)
{
    if (rng.chance(0.10)) {
        return QString::fromUtf16(Foreign[static_cast<size_t>(rng.below(Foreign.size()))]);
    }
    return QString::fromLatin1(Words[static_cast<size_t>(rng.below(Words.size()))]);
}

QString sentence(Random &rng, int minWords, int maxWords)
{
    const int n = minWords + static_cast<int>(rng.below(maxWords - minWords + 1));
    QStringList w;
    for (int i = 0; i < n; ++i) {
        w << word(rng);
    }
    QString s = w.join(QLatin1Char(' '));
    s[0] = s[0].toUpper();
    return s + QLatin1Char('.');
}

void appendJsonString(QByteArray &out, const QString &s)
{
    out += '"';
    const QByteArray utf8 = s.toUtf8();
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            out += c;
        }
    }
    out += '"';
}

struct SourceText
{
    QString text;
    QList<qint64> sentenceStarts; // code points
    QList<qint64> sentenceEnds;
    QList<QString> sentences;
};

} // namespace

QByteArray generateCase(const GeneratorOptions &o)
{
    Random rng(o.seed);
    const int nSources = std::max(1, o.sources);
    const int nActors = std::max(2, o.actors);
    QByteArray out;
    out.reserve(static_cast<qsizetype>(o.events) * 420 + nSources * 2500 + (1 << 20));
    out += "{\n\"format\": \"attribution-timeline-case\",\n\"version\": 1,\n";
    out += "\"title\": \"Synthetic case of ";
    out += QByteArray::number(o.events);
    out += " events (seed ";
    out += QByteArray::number(o.seed);
    out += ")\",\n\"sources\": [\n";

    std::vector<SourceText> sources(static_cast<size_t>(nSources));
    for (int s = 0; s < nSources; ++s) {
        SourceText &src = sources[static_cast<size_t>(s)];
        qint64 cp = 0;
        const int n = 12 + static_cast<int>(rng.below(12));
        for (int i = 0; i < n; ++i) {
            const QString sent = sentence(rng, 6, 16);
            src.sentenceStarts << cp;
            src.text += sent;
            cp += static_cast<qint64>(sent.toUcs4().size());
            src.sentenceEnds << cp;
            src.sentences << sent;
            src.text += QLatin1Char(' ');
            cp += 1;
        }
        out += "{\"id\": \"s";
        out += QByteArray::number(s);
        out += "\", \"title\": ";
        appendJsonString(out, QStringLiteral("Report %1: ").arg(s) + sentence(rng, 3, 6));
        out += ", \"publisher\": null, \"url\": null, \"published\": null, \"retrieved\": null, \"text\": ";
        appendJsonString(out, src.text);
        out += s + 1 < nSources ? "},\n" : "}\n";
    }
    out += "],\n\"actors\": [\n";
    static const char *kinds[] = {"group", "government", "agency", "company", "person", "institution"};
    for (int a = 0; a < nActors; ++a) {
        out += "{\"id\": \"a";
        out += QByteArray::number(a);
        out += "\", \"name\": ";
        appendJsonString(out, QStringLiteral("Actor %1 ").arg(a) + word(rng));
        out += ", \"kind\": \"";
        out += kinds[rng.below(6)];
        out += "\"}";
        out += a + 1 < nActors ? ",\n" : "\n";
    }
    out += "],\n\"events\": [\n";

    // Zipf weights for actor participation: actor k is chosen with probability ~ 1/(k+1).
    std::vector<double> cumulative(static_cast<size_t>(nActors));
    double total = 0;
    for (int k = 0; k < nActors; ++k) {
        total += 1.0 / (k + 1);
        cumulative[static_cast<size_t>(k)] = total;
    }
    auto zipfActor = [&] {
        const double x = rng.unit() * total;
        return static_cast<int>(std::lower_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
    };
    // Bursts: a few hundred centres over 1990-2024, events clustered around them.
    const qint64 firstDay = QDate(1990, 1, 1).toJulianDay();
    const qint64 lastDay = QDate(2024, 12, 31).toJulianDay();
    std::vector<qint64> bursts(300);
    for (auto &b : bursts) {
        b = firstDay + rng.below(lastDay - firstDay);
    }
    static const char *categories[] = {"intrusion", "reconnaissance", "phishing",  "disclosure", "indictment",
                                       "sanction",  "diplomatic",     "statement", "denial",     "attribution"};
    static const char *roles[] = {"attacker", "target", "victim", "attributor", "sanctioner", "denier"};
    for (qint64 e = 0; e < o.events; ++e) {
        const qint64 centre = bursts[static_cast<size_t>(rng.below(static_cast<qint64>(bursts.size())))];
        const double spread = std::tan((rng.unit() - 0.5) * 3.0) * 40.0; // heavy-tailed around the burst
        const qint64 day = std::clamp<qint64>(centre + static_cast<qint64>(spread), firstDay, lastDay);
        const QDate d = QDate::fromJulianDay(day);
        QString date;
        const double p = rng.unit();
        auto iso = [](const QDate &q, int precision) {
            return precision == 0 ? QStringLiteral("%1").arg(q.year())
                : precision == 1  ? QStringLiteral("%1-%2").arg(q.year()).arg(q.month(), 2, 10, QLatin1Char('0'))
                                  : q.toString(Qt::ISODate);
        };
        if (p < 0.60) {
            date = QStringLiteral("{\"start\": \"%1\"}").arg(iso(d, 2));
        } else if (p < 0.80) {
            date = QStringLiteral("{\"start\": \"%1\"}").arg(iso(d, 1));
        } else if (p < 0.88) {
            date = QStringLiteral("{\"start\": \"%1\", \"approximate\": true}").arg(iso(d, 0));
        } else if (p < 0.97) {
            const QDate end = d.addDays(30 + rng.below(900));
            date = QStringLiteral("{\"start\": \"%1\", \"end\": \"%2\"}")
                       .arg(iso(d, static_cast<int>(rng.below(3))), iso(std::min(end, QDate(2024, 12, 31)), 2));
        } else if (p < 0.985) {
            date = QStringLiteral("{\"start\": null, \"end\": \"%1\"}").arg(iso(d, 2));
        } else {
            date = QStringLiteral("{\"start\": \"%1\", \"end\": null}").arg(iso(d, 1));
        }
        out += "{\"id\": \"e";
        out += QByteArray::number(e);
        out += "\", \"title\": ";
        appendJsonString(out, sentence(rng, 3, 7));
        out += ", \"category\": \"";
        out += categories[rng.below(10)];
        out += "\", \"date\": ";
        out += date.toUtf8();
        out += ", \"participants\": [";
        const int np = 1 + static_cast<int>(rng.below(3));
        for (int i = 0; i < np; ++i) {
            out += i ? ", {\"actor\": \"a" : "{\"actor\": \"a";
            out += QByteArray::number(zipfActor());
            out += "\", \"role\": \"";
            out += roles[rng.below(6)];
            out += "\"}";
        }
        out += "], \"citations\": [";
        const int nc = 1 + static_cast<int>(rng.below(4));
        for (int i = 0; i < nc; ++i) {
            const int s = static_cast<int>(rng.below(nSources));
            const SourceText &src = sources[static_cast<size_t>(s)];
            const int k = static_cast<int>(rng.below(src.sentences.size()));
            out += i ? ", {\"source\": \"s" : "{\"source\": \"s";
            out += QByteArray::number(s);
            out += "\", \"quote\": ";
            appendJsonString(out, src.sentences[k]);
            out += ", \"start\": ";
            out += QByteArray::number(src.sentenceStarts[k]);
            out += ", \"end\": ";
            out += QByteArray::number(src.sentenceEnds[k]);
            out += "}";
        }
        out += "]";
        if (rng.chance(0.05)) {
            out += ", \"disagreements\": [\"d0\"]";
        }
        out += e + 1 < o.events ? "},\n" : "}\n";
    }
    out += "],\n\"disagreements\": [{\"id\": \"d0\", \"question\": \"Who did it?\", \"versions\": [";
    const SourceText &s0 = sources[0];
    for (int v = 0; v < 2; ++v) {
        out += v ? ", {\"statement\": \"version " : "{\"statement\": \"version ";
        out += QByteArray::number(v + 1);
        out += "\", \"citations\": [{\"source\": \"s0\", \"quote\": ";
        appendJsonString(out, s0.sentences[v]);
        out += ", \"start\": ";
        out += QByteArray::number(s0.sentenceStarts[v]);
        out += ", \"end\": ";
        out += QByteArray::number(s0.sentenceEnds[v]);
        out += "}]}";
    }
    out += "]}],\n\"claims\": []\n}\n";
    return out;
}

bool writeGeneratedCase(const GeneratorOptions &options, const QString &path, QString *error)
{
    return writeFileAtomically(path, generateCase(options), error);
}

} // namespace AT
