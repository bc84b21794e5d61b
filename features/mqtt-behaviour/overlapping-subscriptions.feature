Feature: Overlapping subscriptions through AT+QMTSUB (MQTT 3.1.1 §3.3.5)

  When a message matches several subscriptions of the module the server may deliver it once
  per matching subscription or once at the highest matching QoS (MQTT 3.1.1 §3.3.5); either way
  it must respect the maximum QoS of the matching subscriptions. What the module must do is
  report every PUBLISH it is sent as +QMTRECV (spec 4.2) — no more, no fewer. The scenario counts
  the PUBLISH packets the broker sent to the module and expects one +QMTRECV for each. (The Aedes
  fixture delivers once, at the QoS of the first matching subscription, so the delivery QoS is
  not checked here: that is the broker's conformance, not the module's.)

  Readings this feature depends on: A8 (the note states no default for <send_mode> /
  <recv_mode>: the Background sets string mode before any payload is typed or compared) and A33
  (payloads are compared by value, quoted or bare, with or without <payload_len>).

  Background:
    Given client 0 sends and receives MQTT payloads as text
    When the host sends AT+QMTCFG="recv/mode",0,0,1
    Then the module answers OK

  Rule: Every delivery of a message matching two subscriptions is reported

    @spec:3.3.6:multi-topic @spec:3.3.6:set @spec:4.2:message-with-length
    Scenario: A message matching "qmt/overlap/#" at QoS 0 and "qmt/overlap/a" at QoS 1 reaches the host
      Given client 0 is connected to the broker as "qmt-overlap"
      When the host sends AT+QMTSUB=0,1,"qmt/overlap/#",0,"qmt/overlap/a",1
      Then the module answers OK
      And the module reports +QMTSUB: 0,1,0,0,1
      When another client publishes "both" to "qmt/overlap/a" at QoS 1
      Then the broker delivers to the module a PUBLISH with:
        | topic   | qmt/overlap/a |
        | payload | both          |
      When 2 seconds pass
      Then the module reports one +QMTRECV on "qmt/overlap/a" for each PUBLISH the broker sent it
