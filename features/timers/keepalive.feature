@sub-option:keepalive
Feature: Keep-alive timer T2 — PINGREQ after keep-alive seconds of silence (spec 2, figure 1)

  Figure 1 starts timer T2 when CONNECT is sent; "if there is no data-related message within the
  T2 period, the client sends a PINGREQ packet". T2 is <keep_alive_time> of AT+QMTCFG="keepalive"
  (0~3600 s, default 120), the same value CONNECT declares in its Keep Alive field; the server
  closes a client it hears nothing from for 1.5 x that time (spec 3.3.1). The broker fixture
  measures, on the scenario clock, the silence before each PINGREQ (time since the module's
  previous packet) and compares it with the keep-alive of the CONNECT on that connection
  (harness tolerance ± 1 s for timer granularity, plus the run's timing margin, --timing-margin,
  for a rig's module timers: ± 4.75 s at 120 s with the default 150 ms + 3 %). Windows in which
  no PINGREQ may come end that much before the keep-alive. 0 switches keep-alive off (MQTT 3.1.1
  §3.1.2.10). No reading of the note is involved.

  Rule: An idle client sends PINGREQ after exactly the keep-alive time of silence

    @spec:2:keepalive @spec:3.3.1:keepalive:set
    Scenario Outline: With keep-alive <keepalive> s the first PINGREQ follows <keepalive> s of silence
      When the host sends AT+QMTCFG="keepalive",0,<keepalive>
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-ka-<keepalive>"
      Then the broker receives a CONNECT with:
        | keep-alive | <keepalive> |
      And the first PINGREQ arrives after <keepalive> seconds of silence, the keep-alive of the CONNECT

      Examples: short keep-alive
        | keepalive |
        | 30        |

      @slow
      Examples: default keep-alive
        | keepalive |
        | 120       |

    @spec:2:keepalive @spec:3.3.1:keepalive:keep_alive_time:default @reboot
    Scenario: After a restart the default keep-alive of 120 s applies on the wire
      Given the module has restarted
      And client 0 is connected to the broker as "qmt-ka-default"
      Then the broker receives no PINGREQ within 115 seconds
      And the first PINGREQ arrives after 120 seconds of silence, the keep-alive of the CONNECT

    @spec:2:keepalive
    Scenario: Traffic restarts the keep-alive timer
      When the host sends AT+QMTCFG="keepalive",0,30
      Then the module answers OK
      Given client 0 sends and receives MQTT payloads as text
      And client 0 is connected to the broker as "qmt-ka-traffic"
      When 20 seconds pass
      And the host sends AT+QMTPUBEX=0,5,1,0,"qmt/ka",5 with payload "alive"
      Then the module answers OK
      And the module reports +QMTPUBEX: 0,5,0
      And the broker receives no PINGREQ within 27 seconds
      And the first PINGREQ arrives after 30 seconds of silence, the keep-alive of the CONNECT

  Rule: Keep-alive 0 switches PINGREQ off

    @spec:2:keepalive @spec:3.3.1:keepalive:set
    Scenario: With keep-alive 0 an idle client sends no PINGREQ
      When the host sends AT+QMTCFG="keepalive",0,0
      Then the module answers OK
      Given client 0 is connected to the broker as "qmt-ka-off"
      Then the broker receives a CONNECT with:
        | keep-alive | 0 |
      And the broker receives no PINGREQ within 300 seconds
      And the module's connection to the broker is still open

  Rule: A server enforcing 1.5 x keep-alive keeps an idle client that pings

    @spec:2:keepalive
    Scenario: An idle client stays connected for four keep-alive periods
      When the host sends AT+QMTCFG="keepalive",0,30
      Then the module answers OK
      Given the broker enforces the keep-alive
      And client 0 is connected to the broker as "qmt-ka-enforced"
      When 120 seconds pass
      Then the module's connection to the broker is still open
      And no +QMTSTAT URC arrives within 1 seconds
