#include "categorycolor.h"

#include <algorithm>
#include <array>

namespace AT {

namespace {

// The six Okabe-Ito colours that read well on white (their black and yellow left out: black is the
// text's colour, the yellow too light for the faded bars of ranges), then ten more, found by a
// search over sRGB and fixed here, that keep every pair apart by a CIEDE2000 difference of at least
// 15 for normal vision and 8 under a simulated protanopia or deuteranopia (Machado et al. 2009),
// stay dark enough to show as faded bars on white (L* at most 71, Okabe-Ito's orange) and away from
// the disagreement marker's red. Ordered so that neighbours (categories next to each other in
// sorted order) differ by at least 25.
constexpr std::array<QRgb, CategoryColors::PaletteSize> Palette = {
    0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9, 0x771177, 0x99AA66,
    0x666688, 0x997755, 0x8877FF, 0xAA1155, 0x225511, 0xAA9999, 0x0044BB, 0x667777,
};

} // namespace

CategoryColors::CategoryColors(QStringList categories)
    : m_sorted(std::move(categories))
{
    // QString's operator< compares UTF-16 code units: the same order on every machine and locale.
    std::sort(m_sorted.begin(), m_sorted.end());
    m_sorted.erase(std::unique(m_sorted.begin(), m_sorted.end()), m_sorted.end());
}

QColor CategoryColors::color(const QString &category) const
{
    const auto it = std::lower_bound(m_sorted.cbegin(), m_sorted.cend(), category);
    if (it == m_sorted.cend() || *it != category) {
        return unknownColor();
    }
    return paletteColor(it - m_sorted.cbegin());
}

QColor CategoryColors::paletteColor(qsizetype index)
{
    return QColor::fromRgb(Palette[size_t(index % PaletteSize)]);
}

QColor CategoryColors::unknownColor()
{
    return QColor(0x9E, 0x9E, 0x9E);
}

} // namespace AT
