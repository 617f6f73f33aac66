# brink chart style (compiled into brink_plots; every chart script starts with it).
# Lines: Okabe & Ito (2008) colour-blind-safe colours, each paired with its own dash type and point type so
# that series stay distinct in greyscale print. Yellow is left out (too light on white). 16 styles, then repeat.
set encoding utf8
set border 3 front lc rgb "#404040" lw 1
set tics nomirror out scale 0.6 textcolor rgb "#202020"
set grid back lc rgb "#e0e0e0" lw 1 dt 1
set key noautotitle
set key textcolor rgb "#202020" box lc rgb "#c0c0c0" opaque samplen 3 spacing 1.1
set style fill solid 1.0 noborder
set linetype 1 lc rgb "#0072B2" lw 2.5 dt 1 pt 7 ps 1.2
set linetype 2 lc rgb "#D55E00" lw 2.5 dt 2 pt 5 ps 1.2
set linetype 3 lc rgb "#009E73" lw 2.5 dt 4 pt 9 ps 1.3
set linetype 4 lc rgb "#CC79A7" lw 2.5 dt 5 pt 11 ps 1.3
set linetype 5 lc rgb "#E69F00" lw 2.5 dt 3 pt 13 ps 1.3
set linetype 6 lc rgb "#56B4E9" lw 2.5 dt (16,6,4,6) pt 6 ps 1.2
set linetype 7 lc rgb "#000000" lw 2.5 dt (4,4) pt 4 ps 1.2
set linetype 8 lc rgb "#7F7F7F" lw 2.5 dt (24,6) pt 8 ps 1.2
# Series 9 to 16: the same colours in another order, with dash patterns of their own.
set linetype 9 lc rgb "#D55E00" lw 2.5 dt (2,4) pt 4 ps 1.2
set linetype 10 lc rgb "#0072B2" lw 2.5 dt (12,4,2,4,2,4) pt 8 ps 1.2
set linetype 11 lc rgb "#CC79A7" lw 2.5 dt (20,5) pt 12 ps 1.3
set linetype 12 lc rgb "#009E73" lw 2.5 dt (2,3,8,3) pt 10 ps 1.3
set linetype 13 lc rgb "#56B4E9" lw 2.5 dt (6,3) pt 14 ps 1.3
set linetype 14 lc rgb "#E69F00" lw 2.5 dt (14,3,3,3) pt 3 ps 1.2
set linetype 15 lc rgb "#7F7F7F" lw 2.5 dt (3,6) pt 1 ps 1.2
set linetype 16 lc rgb "#000000" lw 2.5 dt (10,3,2,3,2,3,2,3) pt 2 ps 1.2
set linetype cycle 16
# Paul Tol's BuRd diverging scheme: red = low (conflict, hostility), white = 0, blue = high (cooperation).
brink_palette_diverging = 'set palette defined (0 "#B2182B", 1 "#D6604D", 2 "#F4A582", 3 "#FDDBC7", 4 "#F7F7F7", 5 "#D1E5F0", 6 "#92C5DE", 7 "#4393C3", 8 "#2166AC")'
# Paul Tol's YlOrBr sequential scheme: light = low, dark = high; monotone in lightness (greyscale-safe).
brink_palette_sequential = 'set palette defined (0 "#FFFFE5", 1 "#FFF7BC", 2 "#FEE391", 3 "#FEC44F", 4 "#FB9A29", 5 "#EC7014", 6 "#CC4C02", 7 "#993404", 8 "#662506")'
# cuba_1962: P(war), 5 runs per point
set xrange [0.61:40.39]
$p0s0 << EOD
1 0 0 0.43448246478317476
14 0.6 0.2307242812760128 0.882379225767352
27 0.2 0.036224108632430085 0.6244653702374747
40 1 0.5655175352168251 1
EOD
set title "cuba_1962: P(war), 5 runs per point" font ",13" offset 0,0
# panel 0
set lmargin at screen 0.0567
set rmargin at screen 0.7867
set bmargin at screen 0.0777
set tmargin at screen 0.9393
set xlabel "model.rationality"
set format x "% h"
set ylabel ""
set yrange [0:1]
set format y "% h"
set ytics autofreq
set key at screen 0.7967, screen 0.9393 left top vertical Left reverse width 1 maxcols 1 maxrows 100
unset arrow
unset label
set label "P(war)" at screen 0.0093, screen 0.5085 center rotate by 90
plot $p0s0 using 1:3:4 with filledcurves lt 1 fillstyle transparent solid 0.22 noborder title "Wilson 95% interval", \
     $p0s0 using 1:2 with lines lt 1 title "P(war)"
