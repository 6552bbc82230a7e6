#include "categorycolor.h"
#include "testcases.h"

#include <QHashSeed>
#include <QSet>
#include <QTest>

#include <array>
#include <cmath>
#include <numbers>

using namespace AT;

namespace {

using Vec3 = std::array<double, 3>;
using Matrix = std::array<Vec3, 3>;

// Colour-vision deficiency simulation of Machado, Oliveira and Fernandes (2009), severity 1.0,
// applied to linear RGB.
constexpr Matrix Protanopia = {{
    {0.152286, 1.052583, -0.204868},
    {0.114503, 0.786281, 0.099216},
    {-0.003882, -0.048116, 1.051998},
}};
constexpr Matrix Deuteranopia = {{
    {0.367322, 0.860646, -0.227968},
    {0.280085, 0.672501, 0.047413},
    {-0.011820, 0.042940, 0.968881},
}};

double toLinear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Vec3 linearRgb(const QColor &c)
{
    return {toLinear(c.redF()), toLinear(c.greenF()), toLinear(c.blueF())};
}

Vec3 simulated(const Vec3 &rgb, const Matrix &m)
{
    Vec3 out {};
    for (size_t i = 0; i < 3; ++i) {
        out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    }
    return out;
}

// CIELAB (D65 white) of a linear sRGB colour.
Vec3 lab(const Vec3 &rgb)
{
    const double x = (0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2]) / 0.95047;
    const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    const double z = (0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2]) / 1.08883;
    auto f = [](double t) {
        constexpr double d = 6.0 / 29.0;
        return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double degrees(double radians)
{
    return radians * 180 / std::numbers::pi;
}

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180;
}

// CIEDE2000 colour difference (Sharma, Wu and Dalal 2005).
double deltaE2000(const Vec3 &lab1, const Vec3 &lab2)
{
    const auto [l1, a1, b1] = lab1;
    const auto [l2, a2, b2] = lab2;
    const double cMean = (std::hypot(a1, b1) + std::hypot(a2, b2)) / 2;
    const double c7 = std::pow(cMean, 7);
    const double g = 0.5 * (1 - std::sqrt(c7 / (c7 + std::pow(25.0, 7))));
    const double a1p = (1 + g) * a1;
    const double a2p = (1 + g) * a2;
    const double c1p = std::hypot(a1p, b1);
    const double c2p = std::hypot(a2p, b2);
    auto hue = [](double b, double a) {
        const double h = degrees(std::atan2(b, a));
        return (a == 0 && b == 0) ? 0.0 : h < 0 ? h + 360 : h;
    };
    const double h1p = hue(b1, a1p);
    const double h2p = hue(b2, a2p);
    const double dL = l2 - l1;
    const double dC = c2p - c1p;
    double dh = 0;
    if (c1p * c2p != 0) {
        dh = h2p - h1p;
        dh = dh > 180 ? dh - 360 : dh < -180 ? dh + 360 : dh;
    }
    const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2));
    const double lMeanP = (l1 + l2) / 2;
    const double cMeanP = (c1p + c2p) / 2;
    double hMeanP = h1p + h2p;
    if (c1p * c2p != 0) {
        hMeanP = std::fabs(h1p - h2p) <= 180 ? (h1p + h2p) / 2
            : h1p + h2p < 360                ? (h1p + h2p + 360) / 2
                                             : (h1p + h2p - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(hMeanP - 30)) + 0.24 * std::cos(radians(2 * hMeanP))
        + 0.32 * std::cos(radians(3 * hMeanP + 6)) - 0.20 * std::cos(radians(4 * hMeanP - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMeanP - 275) / 25, 2));
    const double cp7 = std::pow(cMeanP, 7);
    const double rc = 2 * std::sqrt(cp7 / (cp7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lMeanP - 50, 2) / std::sqrt(20 + std::pow(lMeanP - 50, 2));
    const double sc = 1 + 0.045 * cMeanP;
    const double sh = 1 + 0.015 * cMeanP * t;
    const double rt = -std::sin(radians(2 * dTheta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2) + std::pow(dC / sc, 2) + std::pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
}

enum class Vision { Normal, Protanopia, Deuteranopia };

double difference(const QColor &a, const QColor &b, Vision vision)
{
    auto seen = [&](const QColor &c) {
        switch (vision) {
        case Vision::Normal:
            return lab(linearRgb(c));
        case Vision::Protanopia:
            return lab(simulated(linearRgb(c), Protanopia));
        case Vision::Deuteranopia:
            return lab(simulated(linearRgb(c), Deuteranopia));
        }
        return Vec3 {};
    };
    return deltaE2000(seen(a), seen(b));
}

QList<QColor> colours(const CategoryColors &colors, const QStringList &categories)
{
    QList<QColor> out;
    for (const QString &c : categories) {
        out << colors.color(c);
    }
    return out;
}

} // namespace

class tst_CategoryColor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deltaEMatchesPublishedPairs_data();
    void deltaEMatchesPublishedPairs();
    void colourFollowsTheSortedSet();
    void sameColoursWhateverTheHashSeed();
    void paletteStaysApart_data();
    void paletteStaysApart();
    void neighboursDifferMost();
    void paletteReadsOnWhite();
    void builtinCaseCategoriesAreDistinct();
    void unknownAndManyCategories();
};

void tst_CategoryColor::deltaEMatchesPublishedPairs_data()
{
    // From the test data published with the CIEDE2000 paper (Sharma, Wu and Dalal 2005).
    QTest::addColumn<double>("l1");
    QTest::addColumn<double>("a1");
    QTest::addColumn<double>("b1");
    QTest::addColumn<double>("l2");
    QTest::addColumn<double>("a2");
    QTest::addColumn<double>("b2");
    QTest::addColumn<double>("expected");
    QTest::newRow("1") << 50.0 << 2.6772 << -79.7751 << 50.0 << 0.0 << -82.7485 << 2.0425;
    QTest::newRow("7") << 50.0 << 0.0 << 0.0 << 50.0 << -1.0 << 2.0 << 2.3669;
    QTest::newRow("17") << 50.0 << 2.5 << 0.0 << 73.0 << 25.0 << -18.0 << 27.1492;
    QTest::newRow("25") << 60.2574 << -34.0099 << 36.2677 << 60.4626 << -34.1751 << 39.4387 << 1.2644;
    QTest::newRow("34") << 22.7233 << 20.0904 << -46.6940 << 23.0331 << 14.9730 << -42.5619 << 2.0373;
}

void tst_CategoryColor::deltaEMatchesPublishedPairs()
{
    QFETCH(double, l1);
    QFETCH(double, a1);
    QFETCH(double, b1);
    QFETCH(double, l2);
    QFETCH(double, a2);
    QFETCH(double, b2);
    QFETCH(double, expected);
    QVERIFY2(std::fabs(deltaE2000({l1, a1, b1}, {l2, a2, b2}) - expected) < 1e-4,
             qPrintable(QString::number(deltaE2000({l1, a1, b1}, {l2, a2, b2}))));
}

void tst_CategoryColor::colourFollowsTheSortedSet()
{
    const QStringList sorted {QStringLiteral("denial"), QStringLiteral("intrusion"), QStringLiteral("sanction")};
    const CategoryColors colors(sorted);
    for (qsizetype i = 0; i < sorted.size(); ++i) {
        QCOMPARE(colors.color(sorted[i]), CategoryColors::paletteColor(i));
    }
    // Any order, any repeats: the same colours.
    const QStringList shuffled {QStringLiteral("sanction"), QStringLiteral("denial"), QStringLiteral("intrusion"),
                                QStringLiteral("denial")};
    QCOMPARE(colours(CategoryColors(shuffled), sorted), colours(colors, sorted));
    QCOMPARE(CategoryColors(shuffled).categories(), sorted);
    // Code-unit order, not the locale's: "Z" before "a", "é" after "z".
    const CategoryColors mixed(
        {QStringLiteral("z"), QStringLiteral("\u00E9"), QStringLiteral("a"), QStringLiteral("Z")});
    QCOMPARE(mixed.categories(),
             (QStringList {QStringLiteral("Z"), QStringLiteral("a"), QStringLiteral("z"), QStringLiteral("\u00E9")}));
}

// The colours do not come from a hash table's order, which Qt seeds per process: with two seeds,
// as in two runs of the app or two exports, a case gets the same colours.
void tst_CategoryColor::sameColoursWhateverTheHashSeed()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    auto hashOrder = [&] {
        QSet<QString> set; // a caller may well collect the categories in a hash's order
        for (const Event &e : kase->events) {
            set.insert(e.category);
        }
        return QStringList(set.cbegin(), set.cend());
    };
    QHashSeed::setDeterministicGlobalSeed();
    const QStringList first = hashOrder();
    QHashSeed::resetRandomGlobalSeed();
    const QStringList second = hashOrder();
    QStringList sorted = first;
    sorted.sort();
    QCOMPARE(colours(CategoryColors(first), sorted), colours(CategoryColors(second), sorted));
}

void tst_CategoryColor::paletteStaysApart_data()
{
    QTest::addColumn<Vision>("vision");
    QTest::addColumn<double>("minimum");
    QTest::newRow("normal vision") << Vision::Normal << 15.0;
    QTest::newRow("protanopia") << Vision::Protanopia << 8.0;
    QTest::newRow("deuteranopia") << Vision::Deuteranopia << 8.0;
}

// Every pair of the sixteen colours differs by at least `minimum` (CIEDE2000), as seen.
void tst_CategoryColor::paletteStaysApart()
{
    QFETCH(Vision, vision);
    QFETCH(double, minimum);
    double closest = 1e9;
    QString pair;
    for (int i = 0; i < CategoryColors::PaletteSize; ++i) {
        for (int j = i + 1; j < CategoryColors::PaletteSize; ++j) {
            const QColor a = CategoryColors::paletteColor(i);
            const QColor b = CategoryColors::paletteColor(j);
            const double d = difference(a, b, vision);
            if (d < closest) {
                closest = d;
                pair = a.name() + QStringLiteral(" and ") + b.name();
            }
        }
    }
    QVERIFY2(closest >= minimum,
             qPrintable(QStringLiteral("%1 differ by %2 only").arg(pair, QString::number(closest, 'f', 1))));
}

// Categories next to each other in sorted order sit next to each other in a legend: their colours
// differ by far more than the minimum.
void tst_CategoryColor::neighboursDifferMost()
{
    for (int i = 0; i + 1 < CategoryColors::PaletteSize; ++i) {
        const QColor a = CategoryColors::paletteColor(i);
        const QColor b = CategoryColors::paletteColor(i + 1);
        QVERIFY2(difference(a, b, Vision::Normal) >= 25, qPrintable(a.name() + QLatin1Char(' ') + b.name()));
    }
}

// On the white page, and as the faded bars of ranges, no colour is too light to see.
void tst_CategoryColor::paletteReadsOnWhite()
{
    for (int i = 0; i < CategoryColors::PaletteSize; ++i) {
        const QColor c = CategoryColors::paletteColor(i);
        QVERIFY2(lab(linearRgb(c))[0] <= 72, qPrintable(c.name()));
        QVERIFY2(c != CategoryColors::unknownColor(), qPrintable(c.name()));
    }
}

void tst_CategoryColor::builtinCaseCategoriesAreDistinct()
{
    const auto kase = Test::builtinCase();
    QVERIFY(kase);
    QStringList categories;
    for (const Event &e : kase->events) {
        categories << e.category;
    }
    const CategoryColors colors(categories);
    // Pinned: the built-in case looks the same in every run, build and export.
    QCOMPARE(colors.color(QStringLiteral("advisory")).name(), QStringLiteral("#0072b2"));
    QCOMPARE(colors.color(QStringLiteral("intrusion")).name(), QStringLiteral("#997755"));
    QCOMPARE(colors.color(QStringLiteral("targeting")).name(), QStringLiteral("#667777"));
    QVERIFY(colors.categories().size() >= 10);
    QVERIFY(colors.categories().size() <= CategoryColors::PaletteSize);
    QSet<QRgb> seen;
    for (const QString &c : colors.categories()) {
        const QColor colour = colors.color(c);
        QVERIFY2(colour != CategoryColors::unknownColor(), qPrintable(c));
        QVERIFY2(!seen.contains(colour.rgb()), qPrintable(c + QStringLiteral(" shares its colour")));
        seen.insert(colour.rgb());
    }
}

void tst_CategoryColor::unknownAndManyCategories()
{
    const CategoryColors colors({QStringLiteral("intrusion")});
    QCOMPARE(colors.color(QStringLiteral("sanction")), CategoryColors::unknownColor());
    QCOMPARE(CategoryColors().color(QStringLiteral("intrusion")), CategoryColors::unknownColor());
    // Past the palette the colours come round again, still by sorted position.
    QStringList many;
    for (int i = 0; i < CategoryColors::PaletteSize + 3; ++i) {
        many << QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0'));
    }
    const CategoryColors manyColors(many);
    QCOMPARE(manyColors.color(many[CategoryColors::PaletteSize + 1]), CategoryColors::paletteColor(1));
}

QTEST_MAIN(tst_CategoryColor)
#include "tst_categorycolor.moc"
