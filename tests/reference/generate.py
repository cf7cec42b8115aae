#!/usr/bin/env python3
"""Independent high-precision reference values for the kinetic core (mpmath, 50 digits).

Run `python3 tests/reference/generate.py > tests/reference/values.json` to regenerate; the Rust
test `tests/reference.rs` compares the core against this file. Nothing here shares code with the
core: integrals use mpmath's own expint(2, x) and, as a cross-check, mpmath.quad.
"""
import json
import mpmath as mp

mp.mp.dps = 50
R = mp.mpf("8.314462618")


def ln(x):
    return float(mp.log(x)) if x > 0 else float("-inf")


def ramp_integral(a, lo, hi):
    """∫_lo^hi exp(-a/T) dT = [T E2(a/T)]_lo^hi."""
    f = lambda t: mp.mpf(0) if t == 0 else t * mp.expint(2, a / t)
    return f(hi) - f(lo)


def program_integral(a, start, segments, until=None):
    """I(until) = ∫ exp(-a/T(s)) ds over a program (same semantics as src/program.rs)."""
    t, temp, total = mp.mpf(0), mp.mpf(start), mp.mpf(0)
    until = mp.mpf("inf") if until is None else mp.mpf(until)

    def linear(t0, dt, temp0, temp1):
        # contribution of a linear stretch, clipped at `until`
        nonlocal total
        if until <= t0:
            return
        frac = min(1, (until - t0) / dt)
        if temp0 == temp1:
            total += dt * frac * mp.exp(-a / temp0)
        else:
            end = temp0 + (temp1 - temp0) * frac
            rate = abs(temp1 - temp0) / dt
            total += ramp_integral(a, min(temp0, end), max(temp0, end)) / rate

    for seg in segments:
        if seg["kind"] == "ramp":
            target = mp.mpf(seg["targetK"])
            dt = abs(target - temp) / mp.mpf(seg["rateKPerS"])
            linear(t, dt, temp, target)
            t, temp = t + dt, target
        elif seg["kind"] == "hold":
            dt = mp.mpf(seg["durationS"])
            linear(t, dt, temp, temp)
            t += dt
        else:
            on, off = mp.mpf(seg["onS"]), mp.mpf(seg["offS"])
            peak, base = mp.mpf(seg["peakK"]), mp.mpf(seg["baseK"])
            for k in range(int(seg["count"])):
                start = t + k * (on + off)
                linear(start, on, peak, peak)
                linear(start + on, off, base, base)
            t, temp = t + int(seg["count"]) * (on + off), base
    return total


def main():
    out = {"e1": [], "e2": [], "ramp": [], "programs": [], "grain": [], "homogenisation": []}

    for x in ["1e-6", "0.001", "0.1", "0.5", "0.999", "1", "1.001", "1.5", "2", "5", "10", "30",
              "100", "300", "700", "745", "1000", "5000"]:
        x = mp.mpf(x)
        out["e1"].append({"x": float(x), "lnE1": ln(mp.e1(x))})
        out["e2"].append({"x": float(x), "lnE2": ln(mp.expint(2, x))})

    # Ramp integrals across Ea/RT from ~1 to beyond 700, including a start at 0 K and narrow
    # intervals where the closed form cancels.
    cases = []
    for ea in [8314.462618, 50e3, 150e3, 318e3, 600e3, 1.2e6, 2e6]:
        for lo, hi in [(0, 300), (0, 1500), (0, 3000), (298.15, 1500), (1000, 1000.5),
                       (1500, 1500.0001), (300, 301), (1200, 2400), (250, 290), (2000, 2001)]:
            cases.append((ea, lo, hi))
    for ea, lo, hi in cases:
        a = mp.mpf(ea) / R
        lo_m, hi_m = mp.mpf(lo), mp.mpf(hi)
        val = ramp_integral(a, lo_m, hi_m)
        out["ramp"].append({"eaJPerMol": ea, "loK": lo, "hiK": hi,
                            "aOverTMin": float(a / hi_m), "lnIntegral": ln(val)})

    # A quadrature cross-check that the closed form itself is right (moderate a/T).
    a = mp.mpf(150e3) / R
    quad = mp.quad(lambda t: mp.exp(-a / t), [298.15, 800, 1500])
    assert abs(quad / ramp_integral(a, mp.mpf("298.15"), mp.mpf(1500)) - 1) < mp.mpf("1e-30")

    programs = {
        "paper-ramp": (0, [{"kind": "ramp", "rateKPerS": 100, "targetK": 2000}]),
        "furnace": (298.15, [{"kind": "ramp", "rateKPerS": 10 / 60, "targetK": 1500},
                             {"kind": "hold", "durationS": 14400},
                             {"kind": "ramp", "rateKPerS": 5 / 60, "targetK": 298.15}]),
        "carbothermal-shock": (298.15, [{"kind": "ramp", "rateKPerS": 1e5, "targetK": 2000},
                                        {"kind": "hold", "durationS": 0.055},
                                        {"kind": "ramp", "rateKPerS": 1e5, "targetK": 298.15}]),
        "pulses": (298.15, [{"kind": "ramp", "rateKPerS": 50, "targetK": 600},
                            {"kind": "pulses", "count": 250, "onS": 0.02, "offS": 1.08,
                             "peakK": 2400, "baseK": 600},
                            {"kind": "hold", "durationS": 5}]),
    }
    for name, (start, segs) in programs.items():
        for ea in [50e3, 318e3, 600e3, 2e6]:
            a = mp.mpf(ea) / R
            total = program_integral(a, start, segs)
            # query times are fractions of the program's duration, filled in below
            queries = ["0.001", "0.25", "0.5", "0.7777", "1"]
            out["programs"].append({
                "name": name, "startK": start, "segments": segs, "eaJPerMol": ea,
                "lnTotal": ln(total),
                "at": [{"fraction": float(f), "lnIntegral": None} for f in queries],
            })

    # Fill in the intermediate times (needs each program's duration).
    for entry in out["programs"]:
        duration = mp.mpf(0)
        temp = mp.mpf(entry["startK"])
        for seg in entry["segments"]:
            if seg["kind"] == "ramp":
                duration += abs(mp.mpf(seg["targetK"]) - temp) / mp.mpf(seg["rateKPerS"])
                temp = mp.mpf(seg["targetK"])
            elif seg["kind"] == "hold":
                duration += mp.mpf(seg["durationS"])
            else:
                duration += int(seg["count"]) * (mp.mpf(seg["onS"]) + mp.mpf(seg["offS"]))
                temp = mp.mpf(seg["baseK"])
        a = mp.mpf(entry["eaJPerMol"]) / R
        entry["durationS"] = float(duration)
        for q in entry["at"]:
            q["timeS"] = float(mp.mpf(float(duration)) * mp.mpf(q["fraction"]))
            q["lnIntegral"] = ln(program_integral(a, entry["startK"], entry["segments"], q["timeS"]))

    # Grain growth after the furnace and pulse programs (eq. 12 with exp(-Ea/RT)·t -> I_g).
    for name in ["furnace", "pulses"]:
        start, segs = programs[name]
        for n, d0, k0, ea in [(2, 1e-7, 1e4, 600e3), (3, 5e-8, 1e-5, 450e3), (1, 0.0, 1e-3, 300e3)]:
            a = mp.mpf(ea) / R
            ig = program_integral(a, start, segs)
            d = (mp.mpf(d0) ** n + mp.mpf(k0) * ig) ** (mp.mpf(1) / n)
            out["grain"].append({"program": name, "exponent": n, "d0M": d0, "k0": k0,
                                 "eaJPerMol": ea, "grainSizeM": float(d)})

    # Homogenisation: isothermal time to a residual, and the temperature for a time.
    for d0, ea, lam, eps, temp, hours in [(2.66e-6, 318e3, 1e-6, 0.01, 1473.15, 24),
                                          (2.66e-6, 318e3, 20e-9, 0.05, 1073.15, 4),
                                          (1e-10, 168e3, 1e-9, 1e-6, 673.15, 2)]:
        a = mp.mpf(ea) / R
        l2 = mp.mpf(lam) ** 2
        t_iso = mp.log(1 / mp.mpf(eps)) * l2 / (4 * mp.pi ** 2 * mp.mpf(d0) * mp.exp(-a / mp.mpf(temp)))
        t = mp.mpf(hours) * 3600
        temp_for = a / mp.log(t * 4 * mp.pi ** 2 * mp.mpf(d0) / (mp.log(1 / mp.mpf(eps)) * l2))
        out["homogenisation"].append({"d0M2PerS": d0, "eaJPerMol": ea, "wavelengthM": lam,
                                      "residual": eps, "temperatureK": temp,
                                      "isothermalTimeS": float(t_iso), "durationS": float(t),
                                      "temperatureForDurationK": float(temp_for)})
    out["grainFit"] = grain_fit()
    print(json.dumps(out, indent=1))


def grain_fit():
    """k0 and Ea,g fitted to five grain sizes from three anneals (src/fit/grain.rs): least squares
    on ln d, solved as grad = 0 with mpmath's findroot; d(ln I)/dEa by mpmath's diff; intervals
    from s^2 (J^T J)^-1 with the Student-t quantile from the regularised incomplete beta."""
    def anneal(peak, rate, hold):
        return {"startK": 298.15, "segments": [{"kind": "ramp", "rateKPerS": rate, "targetK": peak},
                                               {"kind": "hold", "durationS": hold},
                                               {"kind": "ramp", "rateKPerS": rate, "targetK": 298.15}]}
    programs = [anneal(1373.15, 10 / 60, 7200), anneal(1473.15, 10 / 60, 3600), anneal(1573.15, 50, 600)]
    heat = lambda p: (mp.mpf(p["segments"][0]["targetK"]) - mp.mpf("298.15")) / mp.mpf(p["segments"][0]["rateKPerS"])
    ends = [2 * heat(p) + p["segments"][1]["durationS"] for p in programs]
    # (program, time): after the first anneal's hold and at its end, in the second's hold and at
    # its end, at the end of the third.
    where = [(0, heat(programs[0]) + 7200), (0, ends[0]), (1, heat(programs[1]) + 1800), (1, ends[1]), (2, ends[2])]
    n, d0 = 2, mp.mpf("5e-8")

    def ln_i(k, t, ea):
        p = programs[k]
        return mp.log(program_integral(ea / R, p["startK"], p["segments"], t))

    # Sizes of a law with k0 = 3e-3 m^2/s and Ea,g = 350 kJ/mol, scattered by a few per cent and
    # rounded to four digits: the data set the Rust test fits.
    truth = [(d0 ** n + mp.mpf("3e-3") * mp.exp(ln_i(k, t, mp.mpf(350e3)))) ** (mp.mpf(1) / n) for k, t in where]
    sizes = [float(mp.nstr(d * f, 4)) for d, f in zip(truth, [1.04, 0.97, 1.02, 0.95, 1.03])]
    ys = [mp.log(mp.mpf(d)) for d in sizes]

    def parts(u, ea):
        rows = []
        for (k, t), y in zip(where, ys):
            li = ln_i(k, t, ea)
            dli = mp.diff(lambda e: ln_i(k, t, e), ea)
            m = mp.log(d0 ** n + mp.exp(u + li)) / n
            w = mp.exp(u + li - n * m)
            rows.append((y - m, w / n, w / n * dli))
        return rows

    def gradient(u, ea):
        rows = parts(u, ea)
        return [sum(r * a for r, a, _ in rows), sum(r * b for r, _, b in rows)]

    u, ea = mp.findroot(gradient, (mp.log(mp.mpf("3e-3")), mp.mpf(350e3)))
    rows = parts(u, ea)
    aa = sum(a * a for _, a, _ in rows)
    ab = sum(a * b for _, a, b in rows)
    bb = sum(b * b for _, _, b in rows)
    det = aa * bb - ab * ab
    dof = len(rows) - 2
    s2 = sum(r * r for r, _, _ in rows) / dof
    t = mp.findroot(lambda x: mp.betainc(mp.mpf(dof) / 2, mp.mpf(1) / 2, 0, dof / (dof + x ** 2), regularized=True) - mp.mpf("0.05"), 3)
    return {"exponent": n, "d0M": float(d0), "programs": programs,
            "points": [{"program": k, "timeS": float(t), "lengthM": d} for (k, t), d in zip(where, sizes)],
            "k0": float(mp.exp(u)), "eaJPerMol": float(ea),
            "eaHalfWidth": float(t * mp.sqrt(s2 * aa / det)),
            "lnK0HalfWidth": float(t * mp.sqrt(s2 * bb / det)),
            "residualsLn": [float(r) for r, _, _ in rows]}


if __name__ == "__main__":
    main()
