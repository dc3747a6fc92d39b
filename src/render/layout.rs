//! Deterministic graph layout: a circle for small graphs, otherwise Fruchterman–Reingold
//! started from a circle ordered by degree then name, a fixed number of iterations and no
//! randomness, followed by an overlap-removal pass.

/// Positions in the unit square [0,1]² for `n` nodes (numbered in the order wanted on the
/// starting circle, most connected first) with the given edges. Connected components are laid
/// out one by one and placed in a grid, largest first, so that no component is squeezed into
/// a corner by the others.
pub fn layout(n: usize, edges: &[(usize, usize)], radii: &[f64]) -> Vec<(f64, f64)> {
    let comps = components(n, edges);
    if comps.len() <= 1 {
        return layout_connected(n, edges, radii);
    }
    let cols = (comps.len() as f64).sqrt().ceil() as usize;
    let rows = comps.len().div_ceil(cols);
    let mut pos = vec![(0.5, 0.5); n];
    for (ci, comp) in comps.iter().enumerate() {
        let local: std::collections::HashMap<usize, usize> =
            comp.iter().enumerate().map(|(i, &v)| (v, i)).collect();
        let sub_edges: Vec<(usize, usize)> = edges
            .iter()
            .filter(|(a, b)| local.contains_key(a) && local.contains_key(b))
            .map(|(a, b)| (local[a], local[b]))
            .collect();
        let sub_radii: Vec<f64> = comp
            .iter()
            .map(|&v| radii.get(v).copied().unwrap_or(0.02) * cols.max(rows) as f64)
            .collect();
        let sub = layout_connected(comp.len(), &sub_edges, &sub_radii);
        let (cx, cy) = ((ci % cols) as f64, (ci / cols) as f64);
        let (w, h) = (1.0 / cols as f64, 1.0 / rows as f64);
        for (i, &v) in comp.iter().enumerate() {
            pos[v] = (
                (cx + 0.12 + 0.76 * sub[i].0) * w,
                (cy + 0.12 + 0.76 * sub[i].1) * h,
            );
        }
    }
    pos
}

/// Connected components, each sorted, largest first (ties by smallest member).
fn components(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], x: usize) -> usize {
        let mut r = x;
        while p[r] != r {
            r = p[r];
        }
        let mut y = x;
        while p[y] != r {
            let next = p[y];
            p[y] = r;
            y = next;
        }
        r
    }
    for &(a, b) in edges {
        if a < n && b < n {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> =
        std::collections::BTreeMap::new();
    for v in 0..n {
        let r = find(&mut parent, v);
        groups.entry(r).or_default().push(v);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    out
}

/// Layout of one connected graph in the unit square.
fn layout_connected(n: usize, edges: &[(usize, usize)], radii: &[f64]) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let circle: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = -std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * i as f64 / n as f64;
            (0.5 + 0.42 * a.cos(), 0.5 + 0.42 * a.sin())
        })
        .collect();
    if n <= 8 {
        return circle;
    }
    let mut pos = circle;
    let k = (1.0 / n as f64).sqrt() * 0.9;
    let iterations = 400;
    for it in 0..iterations {
        let temp = 0.08 * (1.0 - it as f64 / iterations as f64) + 0.002;
        let mut disp = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2;
                disp[i].0 += dx * f;
                disp[i].1 += dy * f;
                disp[j].0 -= dx * f;
                disp[j].1 -= dy * f;
            }
        }
        for &(a, b) in edges {
            if a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let f = d / k;
            disp[a].0 -= dx * f;
            disp[a].1 -= dy * f;
            disp[b].0 += dx * f;
            disp[b].1 += dy * f;
        }
        for i in 0..n {
            // Gentle pull to the centre keeps disconnected parts on the canvas.
            disp[i].0 += (0.5 - pos[i].0) * 0.05;
            disp[i].1 += (0.5 - pos[i].1) * 0.05;
            let len = (disp[i].0 * disp[i].0 + disp[i].1 * disp[i].1)
                .sqrt()
                .max(1e-9);
            let step = len.min(temp);
            pos[i].0 += disp[i].0 / len * step;
            pos[i].1 += disp[i].1 / len * step;
        }
    }
    normalize(&mut pos);
    remove_overlaps(&mut pos, radii);
    normalize(&mut pos);
    pos
}

fn normalize(pos: &mut [(f64, f64)]) {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in pos.iter() {
        x0 = x0.min(p.0);
        y0 = y0.min(p.1);
        x1 = x1.max(p.0);
        y1 = y1.max(p.1);
    }
    let (w, h) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    for p in pos.iter_mut() {
        p.0 = 0.04 + 0.92 * (p.0 - x0) / w;
        p.1 = 0.04 + 0.92 * (p.1 - y0) / h;
    }
}

/// Push apart nodes whose discs (radii in unit-square units) overlap.
fn remove_overlaps(pos: &mut [(f64, f64)], radii: &[f64]) {
    for _ in 0..100 {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in (i + 1)..pos.len() {
                let need = radii.get(i).copied().unwrap_or(0.02)
                    + radii.get(j).copied().unwrap_or(0.02)
                    + 0.01;
                let (dx, dy) = (pos[j].0 - pos[i].0, pos[j].1 - pos[i].1);
                let d = (dx * dx + dy * dy).sqrt();
                if d < need {
                    let (ux, uy) = if d < 1e-9 {
                        (1.0, 0.0)
                    } else {
                        (dx / d, dy / d)
                    };
                    let push = (need - d) / 2.0;
                    pos[i].0 -= ux * push;
                    pos[i].1 -= uy * push;
                    pos[j].0 += ux * push;
                    pos[j].1 += uy * push;
                    moved = true;
                }
            }
        }
        if !moved {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_is_deterministic_and_inside() {
        let edges: Vec<(usize, usize)> = (0..20).map(|i| (i, (i * 7 + 3) % 20)).collect();
        let r = vec![0.02; 20];
        let a = layout(20, &edges, &r);
        let b = layout(20, &edges, &r);
        assert_eq!(a, b);
        assert!(
            a.iter()
                .all(|p| (0.0..=1.0).contains(&p.0) && (0.0..=1.0).contains(&p.1))
        );
    }

    #[test]
    fn no_two_nodes_overlap() {
        let edges: Vec<(usize, usize)> = (1..30).map(|i| (0, i)).collect();
        let r = vec![0.015; 30];
        let p = layout(30, &edges, &r);
        for i in 0..30 {
            for j in (i + 1)..30 {
                let d = ((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt();
                assert!(d > 0.02, "{i} {j} {d}");
            }
        }
    }

    #[test]
    fn components_get_their_own_cells() {
        let p = layout(4, &[(0, 1), (2, 3)], &[0.02; 4]);
        // Two components side by side: the first pair left, the second right.
        assert!(
            p[0].0 < 0.5 && p[1].0 < 0.5 && p[2].0 > 0.5 && p[3].0 > 0.5,
            "{p:?}"
        );
    }

    #[test]
    fn small_graphs_sit_on_a_circle() {
        let p = layout(4, &[(0, 1), (1, 2), (2, 3)], &[0.02; 4]);
        for q in p {
            let d = ((q.0 - 0.5).powi(2) + (q.1 - 0.5).powi(2)).sqrt();
            assert!((d - 0.42).abs() < 1e-9);
        }
    }
}
