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
# Relations: affinity of each row actor towards each column actor: Gulf corridor crisis (fictional), seed 17
eval brink_palette_diverging
set cbrange [-1:1]
set cblabel "affinity (-1 hostile ... +1 allied)"
set cbtics out nomirror
unset grid
unset key
set border 15 lc rgb "#404040"
set tics front
set multiplot title "Relations: affinity of each row actor towards each column actor: Gulf corridor crisis (fictional), seed 17" font ",13"
$h0 << EOD
0 0 1 "1.00" 16777215
1 0 -0.6 "-0.60" 0
2 0 -0.5 "-0.50" 0
3 0 0.7 "0.70" 0
0 1 -0.6 "-0.60" 0
1 1 1 "1.00" 16777215
2 1 0.8 "0.80" 0
3 1 -0.3 "-0.30" 0
0 2 -0.5 "-0.50" 0
1 2 0.8 "0.80" 0
2 2 1 "1.00" 16777215
3 2 -0.2 "-0.20" 0
0 3 0.7 "0.70" 0
1 3 -0.3 "-0.30" 0
2 3 -0.2 "-0.20" 0
3 3 1 "1.00" 16777215
EOD
# panel 0: start (1 Mar 2030)
set lmargin at screen 0.1400
set rmargin at screen 0.5042
set bmargin at screen 0.2786
set tmargin at screen 0.9029
set title "start (1 Mar 2030)"
set xlabel ""
set ylabel ""
unset label
set label "from (row actor)" at screen 0.0093, screen 0.5907 center rotate by 90
set label "towards (column actor)" at screen 0.3221, screen 0.1211 center
set xrange [-0.5:3.5]
set yrange [3.5:-0.5]
set xtics rotate by 45 right ("Borduria" 0, "Syldavia" 1, "Arcadian League" 2, "Carpathia" 3)
set format y "% h"
set ytics ("Borduria" 0, "Syldavia" 1, "Arcadian League" 2, "Carpathia" 3)
unset colorbox
plot $h0 using 1:2:3 with image pixels, \
     $h0 using 1:2:4:5 with labels textcolor rgb variable
$h1 << EOD
0 0 1 "1.00" 16777215
1 0 -0.95 "-0.95" 16777215
2 0 -0.8 "-0.80" 0
3 0 0.75 "0.75" 0
0 1 -0.95 "-0.95" 16777215
1 1 1 "1.00" 16777215
2 1 0.9 "0.90" 16777215
3 1 -0.45 "-0.45" 0
0 2 -0.8 "-0.80" 0
1 2 0.9 "0.90" 16777215
2 2 1 "1.00" 16777215
3 2 -0.35 "-0.35" 0
0 3 0.75 "0.75" 0
1 3 -0.45 "-0.45" 0
2 3 -0.35 "-0.35" 0
3 3 1 "1.00" 16777215
EOD
# panel 1: end (11 Apr 2030)
set lmargin at screen 0.5275
set rmargin at screen 0.8917
set bmargin at screen 0.2786
set tmargin at screen 0.9029
set title "end (11 Apr 2030)"
set xlabel ""
set ylabel ""
unset label
set label "towards (column actor)" at screen 0.7096, screen 0.1211 center
set xrange [-0.5:3.5]
set yrange [3.5:-0.5]
set xtics rotate by 45 right ("Borduria" 0, "Syldavia" 1, "Arcadian League" 2, "Carpathia" 3)
set format y ""
set ytics ("" 0, "" 1, "" 2, "" 3)
set colorbox user origin screen 0.9100, screen 0.2786 size screen 0.018, screen 0.6243
plot $h1 using 1:2:3 with image pixels, \
     $h1 using 1:2:4:5 with labels textcolor rgb variable
unset multiplot
