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
# Outcomes of 40 runs (95% Wilson intervals): Gulf corridor crisis (fictional)
$b0 << EOD
0 55 39.829091798932055 69.29469218909507 69.29469218909507 "22 of 40 (55%)"
1 22.5 12.316091323540743 37.50309674231003 37.50309674231003 "9 of 40 (22%)"
2 7.5 2.58360257745882 19.864233524310542 19.864233524310542 "3 of 40 (7.5%)"
3 15 7.061187717320358 29.07232436648971 29.07232436648971 "6 of 40 (15%)"
4 0 0 8.762160119728666 8.762160119728666 "0 of 40 (0%)"
EOD
set lmargin at screen 0.0733
set rmargin at screen 0.9700
set bmargin at screen 0.0777
set tmargin at screen 0.9417
set title "Outcomes of 40 runs (95% Wilson intervals): Gulf corridor crisis (fictional)" font ",13"
set xlabel ""
set label "outcome" at screen 0.5217, screen 0.0243 center
set ylabel ""
set label "share of runs (%)" at screen 0.0093, screen 0.5097 center rotate by 90
set xrange [-0.6:4.6]
set yrange [0:100]
set xtics scale 0 ("war" 0, "settlement" 1, "capitulation" 2, "standoff" 3, "fait_accompli" 4)
set grid noxtics ytics
unset key
set boxwidth 0.7200000000000001 absolute
plot $b0 using 1:2 with boxes lt 1 fillstyle solid 0.85 border lc rgb "#202020" notitle, \
     $b0 using 1:2:3:4 with yerrorbars lc rgb "#202020" lw 1.5 dt 1 pt 7 ps 0 notitle, \
     $b0 using 1:5:6 with labels offset 0,0.8 textcolor rgb "#202020" notitle
